// The print stage's documents, each made by Printer (print/printing.hpp) from
// the frozen model on the thread that prints it.
#pragma once

#include "core/diagnostic.hpp"
#include "model/model.hpp"
#include "print/fonts.hpp"
#include "print/printing.hpp"

namespace og {

// Each kind of document (in its own file).
PrintedDocument print_plan_on_a_page(const PrintEnvironment& env, PangoContext* context,
                                     const PlannedDocument& document, Diagnostics& diagnostics);
PrintedDocument print_pathway_guide(const PrintEnvironment& env, PangoContext* context, const Pathway& pathway,
                                    const PlannedDocument& document, Diagnostics& diagnostics);
PrintedDocument print_locality_directory(const PrintEnvironment& env, PangoContext* context, const Locality& locality,
                                         const PlannedDocument& document, Diagnostics& diagnostics);

}  // namespace og
