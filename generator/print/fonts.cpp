#include "print/fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <mutex>

namespace og {

std::shared_ptr<const FontLibrary> FontLibrary::load(std::string_view family, std::string& error) {
  // The system configuration is only read to find the files.
  static std::mutex fontconfig_init;
  std::vector<std::string> files;
  bool regular = false, bold = false;
  {
    std::lock_guard<std::mutex> lock(fontconfig_init);
    FcConfig* system = FcInitLoadConfigAndFonts();
    const std::string name(family);
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(name.c_str()));
    FcObjectSet* objects = FcObjectSetBuild(FC_FILE, FC_FAMILY, FC_WEIGHT, FC_SLANT, FC_WIDTH, nullptr);
    FcFontSet* set = FcFontList(system, pattern, objects);
    for (int i = 0; set && i < set->nfont; ++i) {
      FcChar8* file = nullptr;
      int weight = 0, slant = 0, width = FC_WIDTH_NORMAL;
      if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) != FcResultMatch) continue;
      FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, &weight);
      FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, &slant);
      FcPatternGetInteger(set->fonts[i], FC_WIDTH, 0, &width);
      // Only the four faces documents use: condensed or light cuts of the
      // same family (in other packages) would change which face pango picks.
      if (width != FC_WIDTH_NORMAL) continue;
      if (weight != FC_WEIGHT_REGULAR && weight != FC_WEIGHT_BOLD) continue;
      if (slant == FC_SLANT_ROMAN) (weight == FC_WEIGHT_BOLD ? bold : regular) = true;
      files.emplace_back(reinterpret_cast<const char*>(file));
    }
    if (set) FcFontSetDestroy(set);
    FcObjectSetDestroy(objects);
    FcPatternDestroy(pattern);
    FcConfigDestroy(system);
  }
  if (!regular || !bold) {
    error = "the font '" + std::string(family) + "' that documents are set in is not installed";
    return nullptr;
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());

  std::shared_ptr<FontLibrary> library(new FontLibrary());
  library->family_ = std::string(family);
  library->files_ = files;
  library->config_ = FcConfigCreate();
  for (const auto& f : files) FcConfigAppFontAddFile(library->config_, reinterpret_cast<const FcChar8*>(f.c_str()));
  return library;
}

FontLibrary::~FontLibrary() {
  if (config_) FcConfigDestroy(config_);
}

PangoFontMap* FontLibrary::new_font_map() const {
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config_);
  return map;
}

}  // namespace og
