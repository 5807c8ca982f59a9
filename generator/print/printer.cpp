#include "print/printer.hpp"

#include <pango/pangocairo.h>

#include "core/text.hpp"

namespace og {

Printer::Printer(const PrintEnvironment& env) : env_(env) {
  font_map_ = env.fonts->new_font_map();
  context_ = pango_font_map_create_context(font_map_);
  // Points are the unit everywhere: 72 units an inch, as in PDF.
  pango_cairo_context_set_resolution(context_, 72);
  // Unhinted, unrounded metrics: the same layout at any resolution, A4 or A3.
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context_, FALSE);
  // The content's language, not the machine's locale, decides line breaking.
  pango_context_set_language(context_, pango_language_from_string(to_lower_ascii(env.model.site.language).c_str()));
  pango_context_set_base_dir(context_, PANGO_DIRECTION_LTR);
}

Printer::~Printer() {
  if (context_) g_object_unref(context_);
  if (font_map_) g_object_unref(font_map_);
}

PrintedDocument Printer::print(const PlannedDocument& document, Diagnostics& diagnostics) {
  switch (document.kind) {
    case DocumentKind::plan_on_a_page:
      return print_plan_on_a_page(env_, context_, document, diagnostics);
    case DocumentKind::pathway_guide:
      return print_pathway_guide(env_, context_, env_.model.pathways[document.index], document, diagnostics);
    case DocumentKind::locality_directory:
      return print_locality_directory(env_, context_, env_.model.localities[document.index], document, diagnostics);
  }
  return {};
}

}  // namespace og
