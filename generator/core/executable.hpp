// Where the running offergen is, to find what is installed beside it.
#pragma once

#include <filesystem>

namespace og {

// The folder of the running executable (from /proc/self/exe); empty when it
// cannot be read.
std::filesystem::path executable_dir();

// `relative` (a path compiled in from CMake, such as ../share/offergen/templates)
// taken from the executable's folder, or empty when that folder is unknown.
std::filesystem::path beside_executable(const std::filesystem::path& relative);

}  // namespace og
