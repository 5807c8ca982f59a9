// The printable documents, checked with the tools a reader's computer has:
// poppler's pdfinfo, pdffonts and pdftotext, and qpdf for the structure tree.
#include <catch2/catch.hpp>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <cstdio>
#include <regex>

#include "documents/downloads.hpp"
#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

// Runs a shell command and returns what it printed.
std::string output_of(const std::string& command) {
  std::string out;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe);
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  pclose(pipe);
  return out;
}

// A site built on disk with the offergen binary: basic, plus overlays.
struct DiskSite {
  TempDir dir;
  CommandResult result;
  explicit DiskSite(const std::vector<std::string>& overlays = {}, const std::vector<std::string>& extra = {}) {
    copy_tree(sites_dir() / "basic" / "content", dir / "content");
    for (const auto& o : overlays) copy_tree(sites_dir() / o / "content", dir / "content");
    std::vector<std::string> args{"build",   "--content", (dir / "content").string(), "--out", (dir / "site").string(),
                                  "--today", "2026-11-22"};
    args.insert(args.end(), extra.begin(), extra.end());
    result = run_offergen(args);
  }
  fs::path file(const std::string& rel) const { return dir / "site" / rel; }
  std::string tool(const std::string& name, const std::string& rel, const std::string& options = {}) const {
    return output_of(name + " " + options + " '" + file(rel).string() + "'" + (name == "pdftotext" ? " -" : ""));
  }
};

const DiskSite& basic() {
  static DiskSite site;
  return site;
}

const DiskSite& long_guide() {
  static DiskSite site({"long-guide"});
  return site;
}

std::string field(const std::string& pdfinfo, const std::string& name) {
  std::smatch m;
  if (std::regex_search(pdfinfo, m, std::regex(name + ":\\s+([^\n]*)"))) return m[1].str();
  return {};
}

// The structure types under `node`, depth first, as "H1 P Sect H2 Link ...".
void structure(QPDFObjectHandle node, std::vector<std::string>& out) {
  if (node.isArray()) {
    for (int i = 0; i < node.getArrayNItems(); ++i) structure(node.getArrayItem(i), out);
    return;
  }
  if (!node.isDictionary() || !node.hasKey("/S")) return;
  out.push_back(node.getKey("/S").getName().substr(1));
  structure(node.getKey("/K"), out);
}

// Every P holding a Link keeps its other text in Spans, never as loose marked
// content (which cairo 1.16 would leave out of the structure).
void check_links_wrapped(QPDFObjectHandle node, int& paragraphs_with_links) {
  if (node.isArray()) {
    for (int i = 0; i < node.getArrayNItems(); ++i) check_links_wrapped(node.getArrayItem(i), paragraphs_with_links);
    return;
  }
  if (!node.isDictionary() || !node.hasKey("/S")) return;
  QPDFObjectHandle kids = node.getKey("/K");
  std::vector<QPDFObjectHandle> items = kids.isArray() ? kids.getArrayAsVector() : std::vector<QPDFObjectHandle>{kids};
  bool has_link = false, loose = false;
  for (auto& k : items) {
    if (k.isDictionary() && k.hasKey("/S") && k.getKey("/S").getName() == "/Link") has_link = true;
    if (k.isInteger()) loose = true;
  }
  if (has_link && node.getKey("/S").getName() != "/Link") {
    ++paragraphs_with_links;
    INFO(node.getKey("/S").getName() << " holds a link and loose text");
    CHECK_FALSE(loose);
  }
  for (auto& k : items) check_links_wrapped(k, paragraphs_with_links);
}

// Counts what a page draws outside any marked content: neither tagged nor an
// artifact (PDF/UA allows nothing of the kind).
class UnmarkedContent : public QPDFObjectHandle::ParserCallbacks {
 public:
  int unmarked = 0, artifacts = 0, tagged = 0;
  void handleObject(QPDFObjectHandle object, size_t, size_t) override {
    if (!object.isOperator()) {
      operands_.push_back(object);
      return;
    }
    const std::string op = object.getOperatorValue();
    if (op == "BDC" || op == "BMC") {
      const bool artifact =
          !operands_.empty() && operands_.front().isName() && operands_.front().getName() == "/Artifact";
      stack_.push_back(artifact);
      (artifact ? artifacts : tagged) += 1;
    } else if (op == "EMC" && !stack_.empty()) {
      stack_.pop_back();
    } else if (stack_.empty() && (op == "Tj" || op == "TJ" || op == "'" || op == "\"" || op == "f" || op == "S" ||
                                  op == "B" || op == "f*")) {
      ++unmarked;
    }
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  std::vector<QPDFObjectHandle> operands_;
  std::vector<bool> stack_;
};

}  // namespace

TEST_CASE("a build makes every document and counts them", "[documents]") {
  const DiskSite& site = basic();
  REQUIRE(site.result.exit_code == 0);
  CHECK_THAT(site.result.out, Catch::Matches("Built 38 pages and 5 documents .*\n"));
  for (const char* f : {"downloads/plan-on-a-page.pdf", "downloads/pathways/asking-for-help.pdf",
                        "downloads/pathways/worried-about-a-child.pdf", "downloads/localities/north.pdf",
                        "downloads/localities/south.pdf", "strategy/plan-on-a-page/index.html"}) {
    INFO(f);
    CHECK(fs::exists(site.file(f)));
  }
}

TEST_CASE("the plan on a page is one tagged A4 landscape page with its title and language", "[documents][plan]") {
  const DiskSite& site = basic();
  const std::string info = site.tool("pdfinfo", "downloads/plan-on-a-page.pdf");
  CHECK(field(info, "Pages") == "1");
  CHECK(field(info, "Tagged") == "yes");
  CHECK(field(info, "Title") == "Our plan on a page");
  CHECK(field(info, "Author") == "Exampleshire Children's Partnership");
  CHECK(field(info, "Page size") == "841.89 x 595.276 pts (A4)");
  // Dates come from content, never from the clock.
  // (the newest last_reviewed of the strategy's parts: priorities.md)
  CHECK(field(info, "CreationDate") == "Mon Jan 12 00:00:00 2026 UTC");
  CHECK(field(info, "ModDate") == "Mon Jan 12 00:00:00 2026 UTC");
  CHECK(info.find("Syntax Warning") == std::string::npos);
}

TEST_CASE("every font in every document is embedded", "[documents][fonts]") {
  const DiskSite& site = basic();
  for (const char* f :
       {"downloads/plan-on-a-page.pdf", "downloads/pathways/asking-for-help.pdf", "downloads/localities/north.pdf"}) {
    INFO(f);
    const std::string fonts = site.tool("pdffonts", f);
    std::istringstream lines(fonts);
    std::string line;
    int checked = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
      if (n < 2 || line.empty()) continue;  // the header and its rule
      INFO(line);
      CHECK(line.find("NotoSans") != std::string::npos);
      CHECK(std::regex_search(line, std::regex("\\s+yes\\s+yes\\s+yes\\s+\\d+\\s+\\d+$")));  // emb sub uni
      ++checked;
    }
    CHECK(checked >= 2);  // regular and bold
  }
}

TEST_CASE("the plan on a page copies out with the vision and the priorities in order", "[documents][plan]") {
  const std::string text = basic().tool("pdftotext", "downloads/plan-on-a-page.pdf");
  std::size_t at = text.find("Our plan on a page");
  CHECK(at != std::string::npos);
  CHECK(text.find("Every child gets the chance to do well.") != std::string::npos);
  for (const char* priority :
       {"Help children live in safe and\nsupportive families", "Offer help early, before problems",
        "Work as one team around each", "Listen to children and young"}) {
    INFO(priority);
    const std::size_t next = text.find(priority, at);
    CHECK(next != std::string::npos);
    at = next;
  }
}

TEST_CASE("the plan on a page's structure: headings, lists, links, language, tab order", "[documents][plan]") {
  QPDF pdf;
  pdf.processFile(basic().file("downloads/plan-on-a-page.pdf").string().c_str());
  QPDFObjectHandle root = pdf.getRoot();
  CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
  CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
  CHECK(root.getKey("/MarkInfo").getKey("/Marked").getBoolValue());
  for (QPDFObjectHandle page : pdf.getAllPages()) CHECK(page.getKey("/Tabs").getName() == "/S");
  // Identical builds give identical IDs: the ID is made from the content.
  CHECK(pdf.getTrailer().getKey("/ID").isArray());

  QPDFObjectHandle tree = root.getKey("/StructTreeRoot");
  REQUIRE(tree.isDictionary());
  QPDFObjectHandle document = tree.getKey("/K");
  REQUIRE(document.isDictionary());
  CHECK(document.getKey("/S").getName() == "/Document");
  std::vector<std::string> types;
  structure(document, types);
  std::string joined;
  for (const auto& t : types) joined += t + " ";
  CHECK(joined ==
        "Document H1 P P Sect H2 P "
        "Sect H2 Link L LI Lbl LBody LI Lbl LBody LI Lbl LBody LI Lbl LBody "
        "Sect H2 Link L LI Lbl LBody LI Lbl LBody "
        "Sect H2 Link L LI Lbl LBody LI Lbl LBody "
        "P Span Link P ");
  int paragraphs_with_links = 0;
  check_links_wrapped(document, paragraphs_with_links);
  CHECK(paragraphs_with_links == 4);  // three box headings and the footer

  // Every link annotation goes somewhere real and belongs to the structure.
  int links = 0;
  for (QPDFObjectHandle page : pdf.getAllPages()) {
    QPDFObjectHandle annots = page.getKey("/Annots");
    for (int i = 0; annots.isArray() && i < annots.getArrayNItems(); ++i) {
      QPDFObjectHandle a = annots.getArrayItem(i);
      CHECK(a.getKey("/Subtype").getName() == "/Link");
      CHECK(a.hasKey("/StructParent"));
      const std::string uri = a.getKey("/A").getKey("/URI").getUTF8Value();
      CHECK(uri.rfind("https://example.org/strategy/", 0) == 0);
      ++links;
    }
  }
  CHECK(links == 4);
}

TEST_CASE("everything a document draws is tagged or marked as an artifact", "[documents][structure]") {
  for (const char* f :
       {"downloads/plan-on-a-page.pdf", "downloads/pathways/asking-for-help.pdf", "downloads/localities/north.pdf"}) {
    INFO(f);
    QPDF pdf;
    pdf.processFile(basic().file(f).string().c_str());
    for (QPDFObjectHandle page : pdf.getAllPages()) {
      UnmarkedContent content;
      page.parsePageContents(&content);
      CHECK(content.unmarked == 0);
      CHECK(content.artifacts > 0);  // the running header and footer, rules, panels
      CHECK(content.tagged > 0);
    }
  }
}

TEST_CASE("two builds, with one job and with two, give byte-identical documents", "[documents][determinism]") {
  DiskSite one({}, {"--jobs", "1"});
  DiskSite two({}, {"--jobs", "2"});
  REQUIRE(one.result.exit_code == 0);
  REQUIRE(two.result.exit_code == 0);
  const auto a = read_tree(one.dir / "site"), b = read_tree(two.dir / "site");
  CHECK(a == b);
  CHECK(a.count("downloads/plan-on-a-page.pdf") == 1);
}

TEST_CASE("pages link to their documents with type and size", "[documents][html]") {
  const DiskSite& site = basic();
  auto label = [&](const std::string& pdf, int pages) {
    return download_label({static_cast<std::size_t>(fs::file_size(site.file(pdf))), pages});
  };
  const std::string pathway = read_file(site.file("pathways/asking-for-help/index.html"));
  CHECK(pathway.find(
            "<a class=\"download__link\" href=\"/downloads/pathways/asking-for-help.pdf\" type=\"application/pdf\">"
            "Download this guide to print <span class=\"download__meta\">(" +
            label("downloads/pathways/asking-for-help.pdf", 1) + ")</span></a>") != std::string::npos);
  const std::string north = read_file(site.file("localities/north/index.html"));
  CHECK(north.find("(" + label("downloads/localities/north.pdf", 2) + ")") != std::string::npos);
  const std::string strategy = read_file(site.file("strategy/index.html"));
  CHECK(strategy.find("href=\"/strategy/plan-on-a-page/\">Our plan on a page</a>") != std::string::npos);
  CHECK(strategy.find("(" + label("downloads/plan-on-a-page.pdf", 1) + ")") != std::string::npos);
  const std::string plan = read_file(site.file("strategy/plan-on-a-page/index.html"));
  CHECK(plan.find("(" + label("downloads/plan-on-a-page.pdf", 1) + ")") != std::string::npos);
}

TEST_CASE("a pathway guide runs over pages with a running header and Page n of m", "[documents][guide]") {
  const DiskSite& site = long_guide();
  REQUIRE(site.result.exit_code == 0);
  const std::string info = site.tool("pdfinfo", "downloads/pathways/long-guide.pdf");
  CHECK(field(info, "Pages") == "3");
  CHECK(field(info, "Tagged") == "yes");
  CHECK(field(info, "Page size") == "595.276 x 841.89 pts (A4)");
  const std::string text = site.tool("pdftotext", "downloads/pathways/long-guide.pdf");
  for (const char* footer : {"Page 1 of 3", "Page 2 of 3", "Page 3 of 3"}) {
    INFO(footer);
    CHECK(count(text, footer) == 1);
  }
  CHECK(count(text, "Exampleshire early help") == 3);  // the running header, once a page
  CHECK(count(text, "Last updated 20 January 2026") >= 3);
  // The steps in order, with and/or, then the words the guide uses.
  std::size_t at = 0;
  CHECK(text.find("1\n\nTalk to someone you trust") != std::string::npos);  // the number in its circle
  CHECK(text.find("and\n\nAgree a plan together") != std::string::npos);
  for (const char* s : {"Talk to someone you trust", "A worker gets in touch", "Agree a plan together",
                        "Review the plan", "The plan ends", "If you need more help", "Words used in this guide",
                        "Early help: Support for a family as soon as problems start.",
                        "MST (Multi-Systemic Therapy): Intensive help"}) {
    INFO(s);
    const std::size_t next = text.find(s, at);
    CHECK(next != std::string::npos);
    if (next != std::string::npos) at = next;
  }
  // Each step's services, with how to reach them.
  CHECK(text.find("Phone: 01632 960000") != std::string::npos);
  CHECK(text.find("How to get it: You can refer yourself; A professional can refer you") != std::string::npos);
  // Markdown lists and emphasis come through.
  CHECK(text.find("• Ask for a copy of the plan, in your language") != std::string::npos);
  const std::string one_page = basic().tool("pdftotext", "downloads/pathways/asking-for-help.pdf");
  CHECK(one_page.find("Page 1 of 1") != std::string::npos);
  // Step headings read with their number or logic, as GOV.UK's do aloud.
  const std::string tags = basic().tool("pdfinfo", "downloads/pathways/asking-for-help.pdf", "-struct-text");
  CHECK(tags.find("H2 (block)\n      \"1 Talk to someone you trust\"") != std::string::npos);
  CHECK(tags.find("H2 (block)\n      \"or Ring the family line\"") != std::string::npos);
}

TEST_CASE("a site without plan-on-a-page.yaml has no plan on a page", "[documents][plan]") {
  TempDir dir;
  copy_tree(sites_dir() / "basic" / "content", dir / "content");
  fs::remove(dir / "content" / "plan-on-a-page.yaml");
  BuiltSite site;
  build_in_memory(options_for(dir / "content"), site);
  CHECK(site.result.ok());
  CHECK(site.result.documents == 4);
  CHECK_FALSE(site.has("downloads/plan-on-a-page.pdf"));
  CHECK_FALSE(site.has("strategy/plan-on-a-page/index.html"));
  CHECK(site.page("strategy/index.html").find("plan-on-a-page") == std::string::npos);
}
