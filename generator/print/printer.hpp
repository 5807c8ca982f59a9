// The print stage: turns each planned document into a finished PDF from the
// frozen model. One DocumentPrinter per worker thread (pango's font maps are
// not shared between threads); the environment is shared and read-only.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/diagnostic.hpp"
#include "derive/urls.hpp"
#include "documents/downloads.hpp"
#include "model/model.hpp"
#include "print/fonts.hpp"
#include "print/printing.hpp"
#include "print/theme.hpp"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;

namespace og {

class DocumentPrinter final : public Printer {
 public:
  explicit DocumentPrinter(const PrintEnvironment& env);
  ~DocumentPrinter() override;
  DocumentPrinter(const DocumentPrinter&) = delete;
  DocumentPrinter& operator=(const DocumentPrinter&) = delete;

  PrintedDocument print(const PlannedDocument& document, Diagnostics& diagnostics) override;
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
