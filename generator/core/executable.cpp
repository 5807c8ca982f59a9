#include "core/executable.hpp"

namespace og {

std::filesystem::path beside_executable(const std::filesystem::path& relative) {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return (self.parent_path() / relative).lexically_normal();
}

}  // namespace og
