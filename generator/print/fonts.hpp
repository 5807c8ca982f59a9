// The one font family documents use, pinned: a private fontconfig
// configuration holds only that family's files, so whatever else is installed
// on a machine cannot change a document.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

typedef struct _FcConfig FcConfig;
typedef struct _PangoFontMap PangoFontMap;

namespace og {

class FontLibrary {
 public:
  // Finds `family` through the system's fontconfig. Returns null and sets
  // `error` when the family has no regular and bold face installed.
  static std::shared_ptr<const FontLibrary> load(std::string_view family, std::string& error);
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  const std::string& family() const { return family_; }
  const std::vector<std::string>& files() const { return files_; }
  // A new pango font map that sees only the pinned files. Pango font maps are
  // not thread-safe: each thread makes its own. The caller unrefs it.
  PangoFontMap* new_font_map() const;

 private:
  FontLibrary() = default;
  std::string family_;
  std::vector<std::string> files_;
  FcConfig* config_ = nullptr;
};

// The family offergen's documents are set in, from Debian's fonts-noto-core.
inline constexpr std::string_view kDocumentFontFamily = "Noto Sans";

}  // namespace og
