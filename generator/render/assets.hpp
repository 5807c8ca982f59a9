// Static files from the templates' assets/ folder. CSS and JavaScript get a
// content hash in their names so browsers never use a stale copy.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace og {

struct Asset {
  std::string name;   // "style.css"
  std::string key;    // "style_css", the name templates use: {{assets.style_css}}
  std::string route;  // "/assets/style.1a2b3c4d5e.css"
  std::string bytes;
};

std::vector<Asset> load_assets(const std::filesystem::path& dir, const std::string& display_dir,
                               Diagnostics& diagnostics);

}  // namespace og
