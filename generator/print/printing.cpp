#include "print/printing.hpp"

#include "print/fonts.hpp"

namespace og {

std::shared_ptr<const FontLibrary> load_document_fonts(Diagnostics& diagnostics) {
  std::string error;
  auto fonts = FontLibrary::load(kDocumentFontFamily, error);
  if (!fonts)
    diagnostics.error({"offergen", 0, 0}, error,
                      "install Debian's fonts-noto-core; ./build.sh installs what is missing");
  return fonts;
}

}  // namespace og
