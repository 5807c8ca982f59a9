// One PDF being drawn with cairo: pages, structure tags kept on a stack (so
// that a page break can close and reopen them around the running header and
// footer, which stay out of the structure), and the finishing touches cairo
// 1.16 cannot make, added with qpdf.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/common.hpp"

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

namespace og {

struct PdfMetadata {
  std::string title;
  std::string author;  // the partnership
  std::string subject;
  std::string language;  // "en-GB"
  Date date;             // creation and modification date, from content; empty: none
};

class PdfDocument {
 public:
  PdfDocument(double width, double height, const PdfMetadata& metadata);  // points
  ~PdfDocument();
  PdfDocument(const PdfDocument&) = delete;
  PdfDocument& operator=(const PdfDocument&) = delete;

  cairo_t* cr() const { return cr_; }

  // Structure tags ("H1", "P", "L", "LI", "Sect"...). Nested begin/end pairs.
  void begin(std::string_view tag, std::string_view attributes = {});
  void end();

  // Ends the page and starts the next: open tags are closed first and reopened
  // after `furniture` has drawn the new page's header and footer untagged.
  void next_page(const std::function<void()>& furniture);

  // Finishes the PDF: cairo's bytes, then qpdf adds the catalog's /Lang,
  // /ViewerPreferences /DisplayDocTitle, /Tabs /S on every page, marks
  // untagged drawing as /Artifact, merges the root Document elements, sets
  // the dates in the PDF form, and a deterministic /ID. Returns "" and sets
  // `error` on failure.
  std::string finish(std::string& error);

 private:
  struct Open {
    std::string tag, attributes;
  };
  PdfMetadata metadata_;
  std::string bytes_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  std::vector<Open> open_;
};

}  // namespace og
