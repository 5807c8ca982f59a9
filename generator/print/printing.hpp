// The print stage as the pipeline and the preview server reach it: the
// environment documents are printed in, a printer per thread, and the fonts.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "derive/urls.hpp"
#include "documents/downloads.hpp"
#include "model/model.hpp"
#include "print/theme.hpp"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;

namespace og {

class FontLibrary;  // print/fonts.hpp

// What every document of a build reads; shared by the printers, read-only.
struct PrintEnvironment {
  PrintEnvironment(const Model& model, Urls urls, std::shared_ptr<const FontLibrary> fonts);
  const Model& model;
  Urls urls;
  std::shared_ptr<const FontLibrary> fonts;
  DocumentTheme theme;
  // Where a link from content points in a PDF: root-relative links get the
  // site's full address when base_url has one (a PDF has no page to be relative to).
  std::string resolve(std::string_view link) const;
};

struct PrintedDocument {
  std::string bytes;  // empty when the document could not be made (see the diagnostics)
  int pages = 0;
};

// Prints documents one at a time, on one thread: pango's font maps are not
// shared between threads, so each worker has a printer of its own.
class Printer {
 public:
  explicit Printer(const PrintEnvironment& env);
  ~Printer();
  Printer(const Printer&) = delete;
  Printer& operator=(const Printer&) = delete;

  PrintedDocument print(const PlannedDocument& document, Diagnostics& diagnostics);
  PangoContext* context() const { return context_; }

 private:
  const PrintEnvironment& env_;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
};

// The fonts documents are set in, or null with an error (and a hint) in
// `diagnostics` when they are not installed: the build then makes no
// documents.
std::shared_ptr<const FontLibrary> load_document_fonts(Diagnostics& diagnostics);

}  // namespace og
