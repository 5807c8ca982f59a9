#include "validate/field_reader.hpp"
#include "validate/kinds.hpp"

namespace og {

Page read_page(const MarkdownDocument& doc, Diagnostics& diagnostics) {
  const SourceFile& src = *doc.source;
  Page p;
  p.id = src.id;
  p.where = src.at(0, 0);
  if (check_file_id(src, diagnostics) && is_reserved_page_id(p.id)) {
    diagnostics.error(p.where,
                      "a page cannot be called '" + p.id + "': that address is used by another part of the site",
                      "rename the file");
  }
  p.body.text = std::string(doc.body);
  p.body.origin = src.at(doc.body_line, 1);
  if (!front_matter_present(doc, diagnostics, "page")) return p;
  FieldReader r = FieldReader::document(&*doc.front_matter, src, diagnostics, "the page's front matter");
  p.title = r.text("title", Need::required);
  p.summary = r.text("summary");
  if (auto n = r.integer("nav", 1, 99)) p.nav_order = static_cast<int>(*n);
  if (auto b = r.boolean("sensitive")) p.sensitive = *b;
  if (auto d = r.date("last_reviewed")) p.last_reviewed = *d;
  p.extra = read_extra(r);
  r.finish();
  return p;
}

}  // namespace og
