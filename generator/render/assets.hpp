// Static files from the templates' assets/ folder. CSS and JavaScript get a
// content hash in their names so browsers never use a stale copy.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "model/site.hpp"

namespace og {

struct Asset {
  std::string name;   // "style.css"
  std::string key;    // "style_css", the name templates use: {{assets.style_css}}
  std::string route;  // "/assets/style.1a2b3c4d5e.css"
  std::string bytes;
};

std::vector<Asset> load_assets(const std::filesystem::path& dir, const std::string& display_dir,
                               Diagnostics& diagnostics);

// theme.css, made from site.yaml: the colours as CSS variables and the
// site's origin that printed pages write before links. A file rather than a
// <style> element, which the content security policy would block.
Asset theme_asset(const Site& site, const std::string& origin);

}  // namespace og
