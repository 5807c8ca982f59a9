#include "derive/urls.hpp"

namespace og {

Urls::Urls(std::string_view base_url) {
  std::string_view path = base_url;
  if (auto scheme = base_url.find("://"); scheme != std::string_view::npos) {
    const auto slash = base_url.find('/', scheme + 3);
    origin_ = std::string(base_url.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view("/") : base_url.substr(slash);
  }
  base_path_ = std::string(path);
  if (base_path_.empty() || base_path_.front() != '/') base_path_.insert(base_path_.begin(), '/');
  if (base_path_.back() != '/') base_path_ += '/';
}

std::string Urls::link(std::string_view route) const {
  if (route.empty() || route.front() != '/') return std::string(route);
  return base_path_ + std::string(route.substr(1));
}

std::string Urls::absolute(std::string_view route) const {
  if (origin_.empty()) return {};
  return origin_ + link(route);
}

std::string Urls::file_for(std::string_view route) {
  std::string file(route.substr(route.empty() || route.front() != '/' ? 0 : 1));
  if (file.empty() || file.back() == '/') file += "index.html";
  return file;
}

}  // namespace og
