// offergen import oruk: the judgements made about each record, the feed
// reader's problems, the map's problems, the service file writer and the
// choice of file names. One row per case, exact text expected.
#include <catch2/catch.hpp>

#include "import/import_map.hpp"
#include "import/import_plan.hpp"
#include "import/oruk_feed.hpp"
#include "import/record_checks.hpp"
#include "import/service_file.hpp"
#include "load/front_matter.hpp"
#include "load/source_file.hpp"
#include "support/test_support.hpp"
#include "validate/kinds.hpp"

using namespace og;

TEST_CASE("a summary is the first sentence, cut when it runs on", "[import][summary]") {
  struct Row {
    const char* lead;
    const char* summary;
    bool cut;
  };
  const Row rows[] = {
      {"We help families. We also help carers.", "We help families.", false},
      {"Groups for children under 5. Tea and toys.", "Groups for children under 5.", false},
      {"Open 9 a.m. to 5 p.m. every day. Closed on Sundays.", "Open 9 a.m. to 5 p.m. every day.", false},
      {"Support, e.g. advice and help from Dr. Jones. More.", "Support, e.g. advice and help from Dr. Jones.", false},
      {"Is it for you? Find out here.", "Is it for you?", false},
      {"No full stop at all", "No full stop at all", false},
      {"  Spaces around.  ", "Spaces around.", false},
      {"", "", false},
      {"Free counselling for young people aged 11 to 25, in person or online, with a trained counsellor who "
       "listens to you and helps you work out what to do next about whatever is on your mind, whether that is "
       "school, home or friends. Call us.",
       "Free counselling for young people aged 11 to 25, in person or online, with a trained counsellor who "
       "listens to you and helps you work out what to do next about…",
       true},
      // Cut after a word ending in 'À' (C3 80): the en dash's bytes (E2 80 93)
      // were stripped one at a time, taking the 0x80 and leaving invalid UTF-8.
      {"word word word word word word word word word word word word word word word word word word word word word word "
       "word word word word word word word word voil\xC3\x80 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx more more more more more "
       "more more more more more more more more more more more more more more more more more more more more more more "
       "more more more more more more more more more more more more more ",
       "word word word word word word word word word word word word word word word word word word word word word word "
       "word word word word word word word word voil\xC3\x80\xE2\x80\xA6",
       true},
  };
  for (const auto& r : rows) {
    INFO(r.lead);
    const Summary s = summary_from(r.lead);
    CHECK(s.text == r.summary);
    CHECK(s.cut == r.cut);
  }
}

TEST_CASE("ages: -1 and missing are no limit, over 25 is left out for review", "[import][ages]") {
  struct Row {
    std::optional<double> min, max;
    std::optional<int> out_min, out_max;
    std::vector<std::string> notes;
  };
  const Row rows[] = {
      {-1.0, -1.0, {}, {}, {}},
      {{}, {}, {}, {}, {}},
      {0.0, 5.0, 0, 5, {}},
      {11.0, 25.0, 11, 25, {}},
      {19.0, 99.0, 19, {}, {"the maximum age 99 is over 25, so it was left out (offergen's ages run from 0 to 25)"}},
      {30.0, -1.0, {}, {}, {"the minimum age 30 is over 25, so it was left out (offergen's ages run from 0 to 25)"}},
      {5.0, 3.0, {}, {}, {"the minimum age 5 is above the maximum age 3, so both were left out"}},
      {2.5, 4.9, 2, 4, {}},
  };
  for (const auto& r : rows) {
    const Ages a = ages_from(r.min, r.max);
    CHECK(a.min == r.out_min);
    CHECK(a.max == r.out_max);
    CHECK(a.notes == r.notes);
  }
}

TEST_CASE("an email that looks like a person's is noticed", "[import][email]") {
  struct Row {
    const char* email;
    const char* reason;
    bool placeholder;
  };
  const Row rows[] = {
      {"enquiries@1625ip.co.uk", "", false},
      {"our2wayst@hotmail.com", "a webmail address", false},
      {"Someone@GMAIL.com", "a webmail address", false},
      {"jane.smith@council.example.org", "it looks like firstname.lastname", false},
      {"family.support@council.gov.uk", "", false},
      {"youth.team@council.gov.uk", "", false},
      {"j.smith@council.gov.uk", "", false},
      {"info@north.org.uk", "", false},
      {"Unknown-17774709035808669303521709054@noemail.invalid", "", true},
      {"someone@example.org", "", true},
      {"noreply@council.gov.uk", "", true},
  };
  for (const auto& r : rows) {
    INFO(r.email);
    CHECK(personal_email_reason(r.email) == r.reason);
    CHECK(is_placeholder_email(r.email) == r.placeholder);
  }
}

TEST_CASE("a phone number is found inside its label", "[import][phone]") {
  CHECK(phone_from("0800 0354213") == "0800 0354213");
  CHECK(phone_from("Bristol Youth MAPS: 0117 332 7111") == "0117 332 7111");
  CHECK(phone_from("Helpline (free) 0808 157 0000 ") == "0808 157 0000");
  CHECK(phone_from("+44 117 332 7111") == "+44 117 332 7111");
  CHECK_FALSE(phone_from("Ask at reception"));
  CHECK_FALSE(phone_from("Room 12"));
}

TEST_CASE("dates, slugs", "[import]") {
  CHECK(date_from("2025-09-02T12:06:15.654")->iso() == "2025-09-02");
  CHECK(date_from("2025-09-02")->iso() == "2025-09-02");
  CHECK_FALSE(date_from("02/09/2025"));
  CHECK(slug_from("1625 Independent People") == "1625-independent-people");
  CHECK(slug_from("Northtown Parent & Toddler Group") == "northtown-parent-toddler-group");
  CHECK(slug_from("!!!") == "service");
  CHECK(slug_from(std::string(30, 'a') + " " + std::string(20, 'b') + " " + std::string(20, 'c')) ==
        std::string(30, 'a') + "-" + std::string(20, 'b'));
}

namespace {

ImportedService imported(const std::string& slug, const std::string& oruk_id) {
  ImportedService s;
  s.slug = slug;
  s.service.source.open_referral_id = oruk_id;
  s.service.source.feed = "f.json";  // a file is found by its feed and id together
  return s;
}

}  // namespace

TEST_CASE("clashing names get -2, -3 in the order of slug and Open Referral id", "[import][plan]") {
  const std::vector<ImportedService> services = {imported("family-hub", "z"), imported("family-hub", "a"),
                                                 imported("hub", "b"), imported("family-hub", "m"),
                                                 imported("kept", "k")};
  const std::vector<std::string> texts = {"z", "a", "b", "m", "new k"};
  const std::vector<ExistingService> existing = {
      {"family-hub", "by hand", "", ""},    // written by hand: taken, never overwritten
      {"hub-renamed", "b", "b", "f.json"},  // renamed by a person: the import follows it
      {"kept", "old k", "k", "f.json"},     // edited by hand since (no digest): refused
  };
  std::vector<std::string> got;
  for (const PlannedFile& f : plan_files(services, texts, existing, false))
    got.push_back(f.id + " " + outcome_name(f.outcome) + " " + services[f.service].service.source.open_referral_id);
  CHECK(got == std::vector<std::string>{"family-hub-2 created a", "family-hub-3 created m", "family-hub-4 created z",
                                        "hub-renamed unchanged b", "kept refused k"});
  const auto forced = plan_files(services, texts, existing, true);
  CHECK(forced.back().outcome == Outcome::updated);
}

TEST_CASE("a service file round-trips any text and records its digest", "[import][service-file]") {
  Service s;
  s.name = "Safe: \"Harbour\" # 1";
  s.organisation = "yes";
  s.summary = "- starts like a list, has a \\ backslash and ‘quotes’";
  s.categories = {{"family-support", {}}};
  s.levels = {1, 3};
  s.min_age = 0;
  s.all_localities = true;
  s.access = {AccessRoute::self_referral, AccessRoute::drop_in};
  s.how_to_access.text = "Call us.\n\n- Or drop in";
  s.contact.phone = "0117 332 7111";
  s.contact.address = "1 High St: Bristol";
  s.languages = {"English", "null"};
  s.last_reviewed = Date{2025, 9, 2};
  s.source = {"2a3483ea-8966", "page1.json", ""};
  s.description.text = "## About\n\nText \\* here.";
  const std::string text = service_file_text(s);
  CHECK(text ==
        "---\n"
        "name: \"Safe: \\\"Harbour\\\" # 1\"\n"
        "organisation: \"yes\"\n"
        "summary: \"- starts like a list, has a \\\\ backslash and ‘quotes’\"\n"
        "categories: [family-support]\n"
        "levels: [1, 3]\n"
        "min_age: 0\n"
        "localities: all\n"
        "access: [self-referral, drop-in]\n"
        "how_to_access: |\n"
        "  Call us.\n"
        "\n"
        "  - Or drop in\n"
        "contact:\n"
        "  phone: 0117 332 7111\n"
        "  address: \"1 High St: Bristol\"\n"
        "languages:\n"
        "  - English\n"
        "  - \"null\"\n"
        "last_reviewed: 2025-09-02\n"
        "source:\n"
        "  open_referral_id: 2a3483ea-8966\n"
        "  feed: page1.json\n"
        "  digest: " +
            *recorded_digest(text) +
            "\n"
            "---\n"
            "\n"
            "## About\n"
            "\n"
            "Text \\* here.\n");
  CHECK(recorded_digest(text)->size() == 16);
  CHECK(unedited_since_import(text));
  std::string edited = text;
  edited.replace(edited.find("Text"), 4, "Test");
  CHECK_FALSE(unedited_since_import(edited));

  // Read back as the build reads it.
  Diagnostics d;
  auto source = make_source("services/x.md", text, d);
  REQUIRE(source);
  source->id = "x";
  MarkdownSplit split = split_front_matter(*source, d);
  MarkdownDocument doc{&*source, std::move(split.front_matter), split.body, split.body_line, split.broken};
  const Service back = read_service(doc, d);
  CHECK(test::diagnostics_text(d) == "0 errors, 0 warnings\n");
  CHECK(back.name == s.name);
  CHECK(back.organisation == s.organisation);
  CHECK(back.summary == s.summary);
  CHECK(back.languages == s.languages);
  CHECK(back.contact.address == s.contact.address);
  CHECK(back.how_to_access.text == "Call us.\n\n- Or drop in\n");
  CHECK(back.description.text == "## About\n\nText \\* here.\n");
  CHECK(back.source.open_referral_id == "2a3483ea-8966");
  CHECK(back.source.digest == *recorded_digest(text));
}

TEST_CASE("feeds that cannot be read are reported where they go wrong", "[import][feed]") {
  struct Row {
    std::string text;
    std::string diagnostics;
  };
  const auto repeat = [](std::string_view part, std::size_t n) {
    std::string text;
    for (std::size_t i = 0; i < n; ++i) text += part;
    return text;
  };
  const std::string not_a_feed =
      "f.json:1:1: error: the file is JSON but not an Open Referral feed (expected a list of services, a page of "
      "services with 'contents', or one service with 'id' and 'name')\n1 error, 0 warnings\n";
  const std::string deep =
      "error: the lists and objects are nested more than 64 levels deep (an Open Referral feed needs about ten: check "
      "that the file is the feed you meant)\n1 error, 0 warnings\n";
  const std::string a_page =
      " (import the feed a page at a time (most feeds take ?page=1, ?page=2 ...))\n1 error, 0 warnings\n";
  const Row rows[] = {
      {"", "f.json:1:1: error: the file is empty (download the feed again)\n1 error, 0 warnings\n"},
      {" \n ", "f.json:1:1: error: the file is empty (download the feed again)\n1 error, 0 warnings\n"},
      {"[{\"id\": \"1\", \"name\": \"A\"},\n {\"id\": \"2\", \"na",
       "f.json:2:17: error: the file is not valid JSON: syntax error while parsing object key - invalid string: "
       "missing closing quote; last read: '\"na'; expected string literal (the file ends too early: it may have been "
       "cut short, so "
       "download it again)\n1 error, 0 warnings\n"},
      {"[{\"id\": 1,}]",
       "f.json:1:11: error: the file is not valid JSON: syntax error while parsing object key - unexpected '}'; "
       "expected string literal\n1 error, 0 warnings\n"},
      {"\n  <html>",
       "f.json:2:3: error: the file is not JSON: it starts with '<', like a web page (save the feed's JSON, from an "
       "address such as https://example.org/api/services)\n1 error, 0 warnings\n"},
      {"{\"data\": []}",
       "f.json:1:1: error: the file is JSON but not an Open Referral feed (expected a list of services, a page of "
       "services with 'contents', or one service with 'id' and 'name')\n1 error, 0 warnings\n"},
      {"[1, 2]",
       "f.json:1:1: error: the file is JSON but not an Open Referral feed (expected a list of services, a page of "
       "services with 'contents', or one service with 'id' and 'name')\n1 error, 0 warnings\n"},
      {"\"caf\xC3\"",
       "f.json:1:6: error: the file is not valid JSON: syntax error while parsing value - invalid "
       "string: ill-formed UTF-8 byte; last read: '\"caf\xC3\"' (save the file as UTF-8)\n"
       "1 error, 0 warnings\n"},
      // nlohmann throws out_of_range, not parse_error, for a number too large
      // for a double: once "internal error", and no other feed imported.
      {"[{\"id\": \"1\", \"name\": \"A\", \"minimum_age\": 1e999}]",
       "f.json:1:1: error: the file cannot be read as JSON: [json.exception.out_of_range.406] number overflow "
       "parsing '1e999' (check the feed's numbers)\n1 error, 0 warnings\n"},
      // Nesting and values are counted before nlohmann::json makes a value
      // of each: a 32 MB nest of '[' took it 1.1 GB.
      {std::string(64, '[') + std::string(64, ']'), not_a_feed},
      {"\n" + std::string(65, '[') + std::string(65, ']'), "f.json:2:65: " + deep},
      {"[{\"id\": \"1\", \"extra\": " + std::string(1'000'000, '['), "f.json:1:85: " + deep},
      {"[\"" + std::string(100, '[') + "\\\"" + std::string(100, '{') + "\"]", not_a_feed},
      // 1,000,000 values in all (lists of 99,999 items): the next is one too many.
      {"[" + repeat("[" + repeat("0,", 99'998) + "0],", 9) + "[" + repeat("0,", 99'998) + "0]]", not_a_feed},
      {"[" + repeat("[" + repeat("0,", 99'998) + "0],", 10) + "[]]",
       "f.json:1:2000001: error: the file holds more than 1,000,000 values (lists, objects and their items), the "
       "most offergen reads in one" +
           a_page},
  };
  for (const auto& r : rows) {
    INFO(r.text.substr(0, 80));
    Diagnostics d;
    CHECK_FALSE(parse_feed(r.text, "f.json", d));
    CHECK(test::diagnostics_text(d) == r.diagnostics);
  }
}

TEST_CASE("a feed's records: what is read, and why one cannot be imported", "[import][feed]") {
  Diagnostics d;
  auto feed = parse_feed(
      "{\"contents\": [{\"id\": \"a\", \"name\": \"A\", \"assurer_email\": \"staff@x.org\", \"minimum_age\": -1,"
      " \"maximum_age\": \"12\", \"contacts\": [{\"name\": \"Sam\", \"email\": \"sam@x.org\", \"phones\": "
      "[{\"number\": \"0117 000 0000\"}]}], \"pc_targetAudience\": [{\"audienceType\": \"Carers\", \"id\": \"9\"}]},"
      " 7, {\"name\": \"No id\"}, {\"id\": \"e\"}]}",
      "f.json", d);
  REQUIRE(feed);
  CHECK(d.empty());
  CHECK(feed->shape == "a page of services");
  REQUIRE(feed->records.size() == 4);
  const FeedRecord& a = feed->records[0];
  CHECK(a.min_age == -1.0);
  CHECK(a.max_age == 12.0);
  CHECK(a.phones == std::vector<std::string>{"0117 000 0000"});
  REQUIRE(a.terms.size() == 1);
  CHECK(a.terms[0].keys == std::vector<std::string>{"Carers", "9"});
  CHECK(a.problem.empty());
  CHECK(feed->records[1].problem == "it is a number, not a service");
  CHECK(feed->records[2].problem == "it has no 'id'");
  CHECK(feed->records[3].problem == "every field is empty");
}

TEST_CASE("a map naming what the partnership does not have is refused, with hints", "[import][map]") {
  test::TempDir dir;
  test::write_file(dir / "map.yaml",
                   "terms:\n"
                   "  Homeless:\n"
                   "    categories: [housng]\n"
                   "    levels: [5]\n"
                   "  homeless:\n"
                   "    categories: [housing]\n"
                   "  Carers:\n"
                   "    categorys: [family-support]\n"
                   "areas:\n"
                   "  Bristol: [nowhere]\n"
                   "defaults:\n"
                   "  access: [walk-in]\n"
                   "extra: 1\n");
  Site site;
  site.categories = {{"housing", "Housing", "", false, {}}, {"family-support", "Family support", "", false, {}}};
  site.levels = {{1, "Universal", ""}, {2, "Early", ""}};
  Diagnostics d;
  CHECK_FALSE(read_import_map(dir / "map.yaml", "map.yaml", {&site, {"north", "south"}, {"North", "South"}}, d));
  CHECK(test::diagnostics_text(d) ==
        "map.yaml:3:18: error: unknown category 'housng' (did you mean 'housing'?)\n"
        "map.yaml:4:14: error: there is no level of need '5' in site.yaml (site.yaml's levels are 1 to 2)\n"
        "map.yaml:5:3: error: 'homeless' is mapped twice\n"
        "map.yaml:8:5: error: unknown key 'categorys' (did you mean 'categories'?)\n"
        "map.yaml:10:13: error: unknown locality 'nowhere' (the locality ids in localities/ are: north, south)\n"
        "map.yaml:12:12: error: unknown way to get a service 'walk-in' (the way to get a service ids in services "
        "are: self-referral, professional-referral, drop-in)\n"
        "map.yaml:13:1: error: unknown key 'extra'\n"
        "7 errors, 0 warnings\n");
}
