#include "core/executable.hpp"

namespace og {

std::filesystem::path executable_dir() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return self.parent_path();
}

std::filesystem::path beside_executable(const std::filesystem::path& relative) {
  const std::filesystem::path dir = executable_dir();
  if (dir.empty()) return {};
  return (dir / relative).lexically_normal();
}

}  // namespace og
