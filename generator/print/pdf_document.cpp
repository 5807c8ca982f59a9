#include "print/pdf_document.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <memory>
#include <set>
#include <vector>

#include "print/print_pause.hpp"

namespace og {

namespace {

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

std::string iso_date(const Date& d) {
  return d.iso() + "T00:00:00Z";
}
std::string pdf_date(const Date& d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d000000Z", d.year, d.month, d.day);
  return buf;
}

// Points every entry of the parent tree that names one of `from` at `to`, in
// one walk of the tree (once per merged root made it quadratic in the pages).
void repoint_parent_tree(QPDFObjectHandle node, const std::set<QPDFObjGen>& from, QPDFObjectHandle to) {
  if (!node.isDictionary()) return;
  auto moved = [&](QPDFObjectHandle value) { return value.isIndirect() && from.count(value.getObjGen()) > 0; };
  QPDFObjectHandle kids = node.getKey("/Kids");
  for (int i = 0; kids.isArray() && i < kids.getArrayNItems(); ++i) repoint_parent_tree(kids.getArrayItem(i), from, to);
  QPDFObjectHandle nums = node.getKey("/Nums");
  for (int i = 1; nums.isArray() && i < nums.getArrayNItems(); i += 2) {
    QPDFObjectHandle value = nums.getArrayItem(i);
    if (moved(value)) {
      nums.setArrayItem(i, to);
    } else if (value.isArray()) {
      for (int j = 0; j < value.getArrayNItems(); ++j)
        if (moved(value.getArrayItem(j))) value.setArrayItem(j, to);
    }
  }
}

// A page break closes every open tag, the root Document too, so that the
// running header and footer stay out of the structure; reopening it makes a
// second Document. PDF wants one root: the later ones are merged into the first.
void merge_root_documents(QPDFObjectHandle root) {
  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  if (!tree.isDictionary()) return;
  QPDFObjectHandle kids = tree.getKey("/K");
  if (!kids.isArray()) return;
  if (kids.getArrayNItems() == 1) tree.replaceKey("/K", kids.getArrayItem(0));
  if (kids.getArrayNItems() < 2) return;
  QPDFObjectHandle first = kids.getArrayItem(0);
  QPDFObjectHandle children = first.getKey("/K");
  if (!children.isArray()) {
    QPDFObjectHandle list = QPDFObjectHandle::newArray();
    if (!children.isNull()) list.appendItem(children);
    children = list;
    first.replaceKey("/K", children);
  }
  std::set<QPDFObjGen> merged;  // the other roots
  for (int i = 1; i < kids.getArrayNItems(); ++i) {
    QPDFObjectHandle other = kids.getArrayItem(i);
    QPDFObjectHandle moved = other.getKey("/K");
    std::vector<QPDFObjectHandle> items;
    if (moved.isArray())
      items = moved.getArrayAsVector();
    else if (!moved.isNull())
      items.push_back(moved);
    for (QPDFObjectHandle item : items) {
      if (item.isInteger()) {  // marked content of the other element's page
        QPDFObjectHandle mcr = QPDFObjectHandle::newDictionary();
        mcr.replaceKey("/Type", QPDFObjectHandle::newName("/MCR"));
        mcr.replaceKey("/Pg", other.getKey("/Pg"));
        mcr.replaceKey("/MCID", item);
        item = mcr;
      } else if (item.isDictionary() && item.hasKey("/P")) {
        item.replaceKey("/P", first);
      }
      children.appendItem(item);
    }
    if (other.isIndirect()) merged.insert(other.getObjGen());
  }
  repoint_parent_tree(tree.getKey("/ParentTree"), merged, first);
  tree.replaceKey("/K", first);
}

// cairo 1.16 leaves what is drawn outside a structure tag (the running header
// and footer, lines and panels) as unmarked content, which PDF/UA does not
// allow. This marks each such text object and path as an /Artifact, so that
// assistive technology skips it; tagged content is left as it is.
class ArtifactFilter : public QPDFObjectHandle::TokenFilter {
 public:
  void handleToken(QPDFTokenizer::Token const& token) override {
    const std::string& op = token.getValue();
    if (token.getType() != QPDFTokenizer::tt_word || op == "true" || op == "false" || op == "null") {
      pending_.push_back(token);  // an operand: written with its operator
      return;
    }
    if (depth_ == 0 && !artifact_ && (op == "BT" || op == "m" || op == "re")) {
      write("\n/Artifact BMC\n");
      artifact_ = true;
      text_ = op == "BT";
    }
    flush();
    writeToken(token);
    if (op == "BDC" || op == "BMC") ++depth_;
    if (op == "EMC") --depth_;
    if (artifact_ && (text_ ? op == "ET" : paints(op))) {
      write("\nEMC");
      artifact_ = false;
    }
  }
  void handleEOF() override {
    print_pause_point();  // once a page, as the writer goes
    flush();
    if (artifact_) write("\nEMC\n");
  }

 private:
  static bool paints(const std::string& op) {
    return op == "f" || op == "F" || op == "f*" || op == "S" || op == "s" || op == "B" || op == "B*" || op == "b" ||
           op == "b*" || op == "n";
  }
  void flush() {
    for (const auto& t : pending_) writeToken(t);
    pending_.clear();
  }
  std::vector<QPDFTokenizer::Token> pending_;
  int depth_ = 0;
  bool artifact_ = false, text_ = false;
};

// The qpdf step: cairo's bytes finished as PdfDocument::finish() says.
std::string finish_pdf(const std::string& cairo_bytes, const PdfMetadata& metadata, std::string& error) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("document.pdf", cairo_bytes.data(), cairo_bytes.size());
    print_pause_point();
    QPDFObjectHandle root = pdf.getRoot();
    merge_root_documents(root);
    root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(metadata.language));
    root.replaceKey("/ViewerPreferences", QPDFObjectHandle::parse("<< /DisplayDocTitle true >>"));
    root.replaceKey("/MarkInfo", QPDFObjectHandle::parse("<< /Marked true >>"));
    // Tab order follows the structure, as PDF/UA asks of pages with links.
    for (QPDFObjectHandle page : pdf.getAllPages()) {
      page.replaceKey("/Tabs", QPDFObjectHandle::newName("/S"));
      QPDFPageObjectHelper(page).addContentTokenFilter(std::make_shared<ArtifactFilter>());
    }
    QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
    if (info.isDictionary()) {
      if (metadata.date.empty()) {
        info.removeKey("/CreationDate");
        info.removeKey("/ModDate");
      } else {
        info.replaceKey("/CreationDate", QPDFObjectHandle::newString(pdf_date(metadata.date)));
        info.replaceKey("/ModDate", QPDFObjectHandle::newString(pdf_date(metadata.date)));
      }
      info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(metadata.title));
    }
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    writer.setDeterministicID(true);
    writer.setCompressStreams(true);
    writer.setObjectStreamMode(qpdf_o_generate);
    writer.write();
    std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
  } catch (const std::exception& e) {
    error = std::string("qpdf could not finish the PDF: ") + e.what();
    return {};
  }
}

}  // namespace

PdfDocument::PdfDocument(double width, double height, const PdfMetadata& metadata) : metadata_(metadata) {
  surface_ = cairo_pdf_surface_create_for_stream(append_bytes, &bytes_, width, height);
  cairo_pdf_surface_restrict_to_version(surface_, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  if (!metadata.author.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  if (!metadata.subject.empty())
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_SUBJECT, metadata.subject.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "offergen");
  // cairo writes the clock's time unless told a date; qpdf rewrites them below
  // (or removes them when content gives no date), so no clock reaches a file.
  const std::string date = iso_date(metadata.date.empty() ? Date{2000, 1, 1} : metadata.date);
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  cr_ = cairo_create(surface_);
  begin("Document");
}

PdfDocument::~PdfDocument() {
  if (cr_) cairo_destroy(cr_);
  if (surface_) cairo_surface_destroy(surface_);
}

void PdfDocument::begin(std::string_view tag, std::string_view attributes) {
  open_.push_back({std::string(tag), std::string(attributes)});
  cairo_tag_begin(cr_, open_.back().tag.c_str(), open_.back().attributes.c_str());
}

void PdfDocument::end() {
  if (open_.empty()) return;
  cairo_tag_end(cr_, open_.back().tag.c_str());
  open_.pop_back();
}

void PdfDocument::next_page(const std::function<void()>& furniture) {
  print_pause_point();
  for (auto it = open_.rbegin(); it != open_.rend(); ++it) cairo_tag_end(cr_, it->tag.c_str());
  cairo_show_page(cr_);
  if (furniture) furniture();
  for (const auto& o : open_) cairo_tag_begin(cr_, o.tag.c_str(), o.attributes.c_str());
}

std::string PdfDocument::finish(std::string& error) {
  while (!open_.empty()) end();
  cairo_destroy(cr_);
  cr_ = nullptr;
  cairo_surface_finish(surface_);
  const cairo_status_t status = cairo_surface_status(surface_);
  cairo_surface_destroy(surface_);
  surface_ = nullptr;
  if (status != CAIRO_STATUS_SUCCESS) {
    error = std::string("cairo could not write the PDF: ") + cairo_status_to_string(status);
    return {};
  }
  return finish_pdf(bytes_, metadata_, error);
}

}  // namespace og
