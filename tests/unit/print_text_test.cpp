// The layout engine's text: the pinned font, wrapping with pango, and the
// rules of the plan on a page that do not need a whole site.
#include <catch2/catch.hpp>

#include "documents/downloads.hpp"
#include "print/fonts.hpp"
#include "print/paragraph.hpp"
#include "print/plan_layout.hpp"
#include "print/printer.hpp"
#include "print/theme.hpp"

using namespace og;

namespace {

// A printer's pango context, set up exactly as documents get theirs.
struct TextFixture {
  Model model;
  std::shared_ptr<const FontLibrary> fonts;
  std::unique_ptr<PrintEnvironment> env;
  std::unique_ptr<Printer> printer;
  TextFixture() {
    std::string error;
    fonts = FontLibrary::load(kDocumentFontFamily, error);
    REQUIRE(fonts);
    env = std::make_unique<PrintEnvironment>(model, Urls("https://example.org/"), fonts);
    printer = std::make_unique<Printer>(*env);
  }
  Paragraph paragraph(const std::string& text, double width, double size = 10) {
    TextStyle style;
    style.size = size;
    return Paragraph(printer->context(), fonts->family(), plain(text), style, width);
  }
};

const std::string kSentence = "Families get help early, before problems grow, from people they already know and trust.";

}  // namespace

TEST_CASE("documents are set in the pinned family, found through fontconfig", "[print][fonts]") {
  std::string error;
  auto fonts = FontLibrary::load("Noto Sans", error);
  REQUIRE(fonts);
  CHECK(error.empty());
  CHECK(fonts->family() == "Noto Sans");
  bool regular = false;
  for (const auto& f : fonts->files()) regular = regular || f.find("NotoSans-Regular") != std::string::npos;
  CHECK(regular);

  CHECK_FALSE(FontLibrary::load("No Such Family For Offergen", error));
  CHECK(error == "the font 'No Such Family For Offergen' that documents are set in is not installed");
}

TEST_CASE("text wraps at the width it is given", "[print][text]") {
  TextFixture f;
  const Paragraph wide = f.paragraph(kSentence, 1000);
  const Paragraph narrow = f.paragraph(kSentence, 120);
  CHECK(wide.line_count() == 1);
  CHECK(narrow.line_count() >= 4);
  CHECK(narrow.natural_width() <= 120);
  CHECK(narrow.height() == Approx(narrow.height(0, narrow.line_count())));
  CHECK(narrow.height() == Approx(narrow.line_count() * wide.height()).epsilon(0.01));
  // A word longer than the width is broken rather than left sticking out.
  const Paragraph word = f.paragraph("Supercalifragilisticexpialidocious", 40);
  CHECK(word.line_count() > 1);
  CHECK(word.natural_width() <= 40);
}

TEST_CASE("line breaks in the text are kept and size scales the height", "[print][text]") {
  TextFixture f;
  CHECK(f.paragraph("one\ntwo\nthree", 300).line_count() == 3);
  const double small = f.paragraph(kSentence, 1000, 9).height();
  const double large = f.paragraph(kSentence, 1000, 18).height();
  CHECK(large == Approx(2 * small).epsilon(0.01));
  CHECK(f.paragraph("", 100).line_count() == 0);
}

TEST_CASE("a paragraph knows whether it holds links", "[print][text]") {
  TextFixture f;
  TextStyle style;
  const RichText linked{{"Read ", false, false, {}}, {"the strategy", false, false, "https://example.org/strategy/"}};
  CHECK(Paragraph(f.printer->context(), f.fonts->family(), linked, style, 300).has_links());
  CHECK_FALSE(f.paragraph("No links here", 300).has_links());
  CHECK(link_attributes("https://example.org/it's") == "uri='https://example.org/it\\'s'");
}

TEST_CASE("the overflow diagnostic names the box and says by how much", "[print][plan]") {
  CHECK(plan_overflow_message("Our priorities", 37.24, 121.44) ==
        "the plan on a page does not fit on one page even with 9 pt text: it is 37.2 mm too tall; "
        "its tallest box, 'Our priorities', needs 121.4 mm");
}

TEST_CASE("downloads are described by type, size and pages", "[print][downloads]") {
  struct Row {
    std::size_t bytes;
    int pages;
    const char* expected;
  };
  const Row rows[] = {
      {1, 1, "PDF, 1 byte, 1 page"},  {900, 2, "PDF, 900 bytes, 2 pages"},
      {1024, 1, "PDF, 1 KB, 1 page"}, {86000, 3, "PDF, 84 KB, 3 pages"},
      {1025, 0, "PDF, 2 KB"},         {3 * 1024 * 1024 + 100000, 12, "PDF, 3.1 MB, 12 pages"},
  };
  for (const auto& r : rows) {
    INFO(r.bytes);
    CHECK(download_label({r.bytes, r.pages}) == r.expected);
  }
}

TEST_CASE("document colours keep AA contrast on white paper", "[print][theme]") {
  const char* brands[] = {"#1d4f91", "#005a30", "#6f2c91", "#0b0c0c", "#d4351c", "#b1b4b6", "#ffdd00"};
  for (const char* brand : brands) {
    INFO(brand);
    Site site;
    site.colours.brand = brand;
    const DocumentTheme t = document_theme(site);
    CHECK(contrast_ratio(t.text, Rgb{1, 1, 1}) >= 4.5);
    CHECK(contrast_ratio(t.brand, Rgb{1, 1, 1}) >= 4.5);  // white text on it, and links on paper
    CHECK(contrast_ratio(t.text, t.tint) >= 4.5);
    CHECK(contrast_ratio(t.brand, t.tint) >= 4.5);
    CHECK(contrast_ratio(t.secondary, t.tint) >= 4.5);
  }
  Site light;
  light.colours.brand = "#b1b4b6";  // too light for text: headings fall back to the text colour
  const DocumentTheme t = document_theme(light);
  CHECK(t.brand.r == t.text.r);
}
