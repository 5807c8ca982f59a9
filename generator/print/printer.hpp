// The print stage: turns each planned document into a finished PDF from the
// frozen model. One DocumentPrinter per worker thread (pango's font maps are
// not shared between threads); the environment is shared and read-only.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "documents/downloads.hpp"
#include "model/model.hpp"
#include "print/fonts.hpp"
#include "print/theme.hpp"
#include "render/urls.hpp"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;

namespace og {

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

class DocumentPrinter {
 public:
  explicit DocumentPrinter(const PrintEnvironment& env);
  ~DocumentPrinter();
  DocumentPrinter(const DocumentPrinter&) = delete;
  DocumentPrinter& operator=(const DocumentPrinter&) = delete;

  PrintedDocument print(const PlannedDocument& document, Diagnostics& diagnostics);
  PangoContext* context() const { return context_; }

 private:
  const PrintEnvironment& env_;
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
};

// Each kind of document (in its own file).
PrintedDocument print_plan_on_a_page(const PrintEnvironment& env, PangoContext* context,
                                     const PlannedDocument& document, Diagnostics& diagnostics);
PrintedDocument print_pathway_guide(const PrintEnvironment& env, PangoContext* context, const Pathway& pathway,
                                    const PlannedDocument& document, Diagnostics& diagnostics);
PrintedDocument print_locality_directory(const PrintEnvironment& env, PangoContext* context, const Locality& locality,
                                         const PlannedDocument& document, Diagnostics& diagnostics);

}  // namespace og
