// What the flowing documents share: the A4 page with its running header and
// footer, a service's details (how to get it, how to reach it), the PDF's
// metadata, and finishing.
#pragma once

#include <string>

#include "print/flow.hpp"
#include "print/flow_builder.hpp"
#include "print/printer.hpp"

namespace og {

// A4 portrait with "site title | document title" at the top of every page,
// and the date and "Page n of m" at the foot.
FlowPage running_page(const PrintEnvironment& env, PangoContext* context, const std::string& title, const Date& date);

// Heading (level `level`, linked to the service's page), summary, ages and
// areas, how to get it, and every contact detail the content has. Kept on one page.
void service_details(FlowBuilder& out, const PrintEnvironment& env, const Service& service, int level);

PdfMetadata document_metadata(const PrintEnvironment& env, std::string title, std::string subject, const Date& date);

// Finishes `pdf`; a failure is reported at `what` (the document's file).
PrintedDocument finish_document(PdfDocument& pdf, int pages, const std::string& what, Diagnostics& diagnostics);

}  // namespace og
