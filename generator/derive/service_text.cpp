#include "derive/service_text.hpp"

namespace og {

namespace {

MarkdownText rendered(const Markdown& md, const MarkdownOptions& options, Diagnostics& diagnostics) {
  MarkdownText out;
  if (!md.empty()) out.html = render_markdown(md, options, diagnostics, &out.plain, PlainLayout::paragraphs);
  return out;
}

const ServiceText* text_of(const Model& model, const ServiceTexts& texts, const Service& s) {
  if (texts.size() != model.services.size()) return nullptr;
  return texts[static_cast<std::size_t>(&s - model.services.data())].get();
}

}  // namespace

ServiceText service_text(const Service& service, MarkdownOptions options) {
  ServiceText text;
  options.heading_base = 3;
  text.description = rendered(service.description, options, text.diagnostics);
  text.how_to_access = rendered(service.how_to_access, options, text.diagnostics);
  return text;
}

std::string description_plain(const Model& model, const ServiceTexts& texts, const Service& service) {
  const ServiceText* t = text_of(model, texts, service);
  return t ? t->description.plain : plain_text_of(service.description, PlainLayout::paragraphs);
}

std::string access_plain(const Model& model, const ServiceTexts& texts, const Service& service) {
  const ServiceText* t = text_of(model, texts, service);
  return t ? t->how_to_access.plain : plain_text_of(service.how_to_access, PlainLayout::paragraphs);
}

}  // namespace og
