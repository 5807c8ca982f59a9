#include "render/assets.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/hash.hpp"
#include "render/css_blocks.hpp"

namespace og {

namespace fs = std::filesystem;

std::vector<Asset> load_assets(const fs::path& dir, const std::string& display_dir, Diagnostics& diagnostics) {
  std::vector<Asset> assets;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().filename().string().front() != '.') files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) {
      diagnostics.error({display_dir + "/" + f.filename().string(), 0, 0}, "cannot read the file");
      continue;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    Asset a;
    a.name = f.filename().string();
    a.bytes = buf.str();
    a.key = a.name;
    std::replace_if(
        a.key.begin(), a.key.end(), [](char c) { return c == '.' || c == '-'; }, '_');
    const std::string ext = f.extension().string();
    if (ext == ".css") check_css_blocks(a.bytes, display_dir + "/" + a.name, diagnostics);
    if (ext == ".css" || ext == ".js") {
      a.route = "/assets/" + f.stem().string() + "." + short_hash(a.bytes) + ext;
    } else {
      a.route = "/assets/" + a.name;
    }
    assets.push_back(std::move(a));
  }
  return assets;
}

Asset theme_asset(const Site& site, const std::string& origin) {
  const Colours& c = site.colours;
  Asset a;
  a.name = "theme.css";
  a.key = "theme_css";
  a.bytes =
      ":root{--brand:" + c.brand + ";--accent:" + c.accent + ";--text:" + c.text + ";--background:" + c.background;
  // The origin goes into a CSS string as it is, so only the characters of a
  // plain origin pass.
  const bool plain = std::all_of(origin.begin(), origin.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' ||
           ch == ':' || ch == '/';
  });
  if (plain && !origin.empty()) a.bytes += ";--print-origin:\"" + origin + "\"";
  a.bytes += "}\n";
  a.route = "/assets/theme." + short_hash(a.bytes) + ".css";
  return a;
}

}  // namespace og
