// Where the running offergen is, to find what is installed beside it.
#pragma once

#include <filesystem>

namespace og {

// `relative` (a path compiled in from CMake, such as ../share/offergen/templates)
// taken from the executable's folder (from /proc/self/exe), or empty when that
// folder is unknown.
std::filesystem::path beside_executable(const std::filesystem::path& relative);

}  // namespace og
