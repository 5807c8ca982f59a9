// Runs the offergen binary the way a user does and checks what they see.
#include <catch2/catch.hpp>

#include "support/test_support.hpp"

using namespace og;
using namespace og::test;

namespace {

// A copy of the basic site with the default templates, in a temporary folder.
struct Workspace {
  TempDir dir;
  Workspace() {
    copy_tree(sites_dir() / "basic" / "content", dir / "content");
    copy_tree(default_templates(), dir / "templates");
  }
  CommandResult run(std::vector<std::string> args) const { return run_offergen(args, dir.path()); }
};

}  // namespace

TEST_CASE("build writes the site and ends with one summary line", "[cli]") {
  Workspace ws;
  CommandResult r = ws.run({"build", "--today", "2026-11-22"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out,
             Catch::Matches("Built 38 pages and 5 documents \\(\\d+ files, [0-9.]+ MB\\) in [0-9.]+ s into site/\n"));
  CHECK(fs::exists(ws.dir / "site" / "services" / "teen-support" / "index.html"));
  // Nothing is left beside the site.
  std::vector<std::string> entries;
  for (const auto& e : fs::directory_iterator(ws.dir.path())) entries.push_back(e.path().filename().string());
  std::sort(entries.begin(), entries.end());
  CHECK(entries == std::vector<std::string>{"content", "site", "templates"});
}

TEST_CASE("build --no-documents leaves out the PDFs and the links to them", "[cli]") {
  Workspace ws;
  CommandResult r = ws.run({"build", "--today", "2026-11-22", "--no-documents"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out,
             Catch::Matches("Built 38 pages and 0 documents \\(\\d+ files, [0-9.]+ MB\\) in [0-9.]+ s into site/\n"));
  CHECK_FALSE(fs::exists(ws.dir / "site" / "downloads"));
  const std::string pathway = read_file(ws.dir / "site" / "pathways" / "asking-for-help" / "index.html");
  CHECK_THAT(pathway, !Catch::Contains("/downloads/"));
  CHECK_THAT(pathway, Catch::Contains("Talk to someone"));
}

TEST_CASE("a broken content file gives exact diagnostics, exit 1, and leaves the site as it was", "[cli][atomic]") {
  Workspace ws;
  REQUIRE(ws.run({"build", "--today", "2026-11-22"}).exit_code == 0);
  const auto before = read_tree(ws.dir / "site");

  const fs::path service = ws.dir / "content" / "services" / "teen-support.md";
  std::string text = read_file(service);
  text.replace(text.find("localities: all"), 15, "localitys: all");
  write_file(service, text);

  CommandResult r = ws.run({"build", "--today", "2026-11-22"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "content/services/teen-support.md: error: the service has no 'localities' (add a line 'localities: ...')\n"
        "content/services/teen-support.md:8:1: error: unknown key 'localitys' (did you mean 'localities'?)\n"
        "  localitys: all\n"
        "  ^\n"
        "2 errors, 0 warnings\n"
        "offergen: the build failed; 'site' was left as it was\n");
  CHECK(read_tree(ws.dir / "site") == before);
}

TEST_CASE("a rebuild is written over the site before last and equals a fresh build", "[cli][atomic]") {
  Workspace ws;
  const fs::path extra = ws.dir / "content" / "services" / "extra.md";
  fs::copy_file(ws.dir / "content" / "services" / "parenting-group.md", extra);
  for (int i = 0; i < 3; ++i) REQUIRE(ws.run({"build", "--today", "2026-11-22", "--quiet"}).exit_code == 0);
  CHECK(fs::exists(ws.dir / "site" / "services" / "extra" / "index.html"));
  CHECK(fs::exists(ws.dir / ".site.offergen-previous" / "services" / "extra" / "index.html"));
  fs::remove(extra);
  REQUIRE(ws.run({"build", "--today", "2026-11-22", "--quiet"}).exit_code == 0);
  CHECK_FALSE(fs::exists(ws.dir / "site" / "services" / "extra"));
  REQUIRE(ws.run({"build", "--today", "2026-11-22", "--quiet", "--out", "fresh"}).exit_code == 0);
  CHECK(read_tree(ws.dir / "site") == read_tree(ws.dir / "fresh"));
}

TEST_CASE("builds with one and with two jobs write identical trees", "[cli][determinism]") {
  Workspace ws;
  REQUIRE(ws.run({"build", "--jobs", "1", "--out", "one", "--today", "2026-11-22"}).exit_code == 0);
  REQUIRE(ws.run({"build", "--jobs", "2", "--out", "two", "--today", "2026-11-22"}).exit_code == 0);
  CHECK(read_tree(ws.dir / "one") == read_tree(ws.dir / "two"));
}

TEST_CASE("strict mode turns warnings into errors", "[cli]") {
  Workspace ws;
  write_file(ws.dir / "content" / "services" / "no-contact.md",
             "---\nname: No contact\nsummary: x\ncategories: [parenting]\nlevels: [1]\nlocalities: all\n"
             "access: [drop-in]\nlast_reviewed: 2026-01-01\n---\n");
  CommandResult plain = ws.run({"build", "--today", "2026-11-22", "--quiet"});
  CHECK(plain.exit_code == 0);
  CHECK(plain.out.empty());
  CHECK_THAT(plain.err, Catch::Contains("warning: service 'no-contact' has no contact details"));
  CommandResult strict = ws.run({"build", "--today", "2026-11-22", "--strict"});
  CHECK(strict.exit_code == 1);
  CHECK_THAT(strict.err, Catch::Contains("error: service 'no-contact' has no contact details"));
}

TEST_CASE("check writes nothing and can print JSON", "[cli]") {
  Workspace ws;
  write_file(ws.dir / "content" / "services" / "bad.md",
             "---\nname: Bad\nsummary: x\ncategories: [parenting]\n"
             "levels: [1]\nlocalities: all\naccess: [drop-in]\n"
             "contact:\n  phone: 12345\nlast_reviewed: 2026-01-01\n---\n");
  CommandResult text = ws.run({"check", "--today", "2026-11-22"});
  CHECK(text.exit_code == 1);
  CHECK_THAT(text.err, Catch::Contains("content/services/bad.md:9:10: error: '12345' is not a UK phone number"));
  CHECK_FALSE(fs::exists(ws.dir / "site"));
  CommandResult json = ws.run({"check", "--today", "2026-11-22", "--format", "json"});
  CHECK(json.exit_code == 1);
  CHECK_THAT(json.out, Catch::Contains("\"file\": \"content/services/bad.md\",\n    \"line\": 9,\n    \"column\": 10,\n"
                                       "    \"severity\": \"error\""));
  CHECK_THAT(json.out, Catch::Contains("\"hint\": \"write it like 01484 221000 or +44 1484 221000\""));
  fs::remove(ws.dir / "content" / "services" / "bad.md");
  CommandResult ok = ws.run({"check", "--today", "2026-11-22"});
  CHECK(ok.exit_code == 0);
  CHECK(ok.out == "No problems found.\n");
}

TEST_CASE("usage errors exit 2; help and version exit 0", "[cli]") {
  Workspace ws;
  CHECK(ws.run({"build", "--content", "nowhere"}).exit_code == 2);
  CHECK(ws.run({"build", "--jobs", "0"}).exit_code == 2);
  CHECK(ws.run({"build", "--frobnicate"}).exit_code == 2);
  CHECK(ws.run({"build", "--base-url", "example.org"}).exit_code == 2);
  CHECK(ws.run({"check", "--format", "xml"}).exit_code == 2);
  CHECK(ws.run({}).exit_code == 2);
  CHECK(ws.run({"publish"}).exit_code == 2);
  CommandResult help = ws.run({"build", "--help"});
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--base-url"));
  CommandResult version = ws.run({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::StartsWith("offergen "));
}

TEST_CASE("build refuses to replace a folder it did not make", "[cli][atomic]") {
  Workspace ws;
  write_file(ws.dir / "mine" / "notes.txt", "precious");
  CommandResult r = ws.run({"build", "--out", "mine"});
  CHECK(r.exit_code == 2);
  CHECK(read_file(ws.dir / "mine" / "notes.txt") == "precious");
  CHECK(ws.run({"build", "--out", "."}).exit_code == 2);
}
