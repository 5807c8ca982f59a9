// The search stage's parts: words, stems, and the index built from documents.
#include <catch2/catch.hpp>

#include <regex>

#include <nlohmann/json.hpp>

#include "search/index_builder.hpp"
#include "search/tokenize.hpp"

using namespace og;
using namespace og::search;

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : "|") + w;
  return out;
}

std::string stems(std::string_view text) {
  Stemmer stemmer;
  std::string out;
  for (const auto& t : tokenize(text, stemmer)) out += (out.empty() ? "" : "|") + t.form + ">" + t.stem;
  return out;
}

const nlohmann::json& shard_entry(const SearchIndex& index, const std::string& stem) {
  static nlohmann::json none;
  for (const auto& f : index.files) {
    if (f.path.rfind("search/docs.", 0) == 0) continue;
    static std::vector<nlohmann::json> keep;
    keep.push_back(nlohmann::json::parse(f.bytes));
    for (const auto& entry : keep.back())
      if (entry[0] == stem) return entry;
  }
  return none;
}

// The documents (by index) an entry's delta-encoded postings list, with weights.
std::vector<std::pair<int, int>> postings(const nlohmann::json& entry) {
  std::vector<std::pair<int, int>> out;
  if (entry.is_null()) return out;
  int doc = 0;
  for (std::size_t i = 0; i + 1 < entry[2].size(); i += 2) {
    doc += entry[2][i].get<int>();
    out.emplace_back(doc, entry[2][i + 1].get<int>());
  }
  return out;
}

Document doc(const std::string& title, const std::string& body, char kind = 's') {
  Document d;
  d.kind = kind;
  d.route = "/services/" + title + "/";
  d.title = title;
  d.fields = {{title, kTitle}, {body, kBody}};
  return d;
}

}  // namespace

TEST_CASE("text splits into folded words", "[search]") {
  struct Row {
    const char* text;
    const char* words;
  };
  const Row rows[] = {
      {"Parenting Group", "parenting|group"},
      {"Multi-Systemic Therapy (MST)", "multi|systemic|therapy|mst"},
      {"children\xE2\x80\x99s rights", "children|s|rights"},  // curly apostrophe splits
      {"Caf\xC3\xA9 na\xC3\xAFve \xC3\x89"
       "cole",
       "cafe|naive|ecole"},  // accents fold
      {"ages 0-19, \xC2\xA3"
       "5 a week",
       "ages|0|19|5|a|week"},
      {"a\xC3\x97"
       "b",
       "a|b"},  // × splits
      {"", ""},
  };
  for (const auto& r : rows) {
    INFO(r.text);
    CHECK(joined(split_words(r.text)) == r.words);
  }
}

TEST_CASE("tokens drop stop words and single letters and keep stems", "[search]") {
  CHECK(stems("Help with my parents") == "help>help|parents>parent");
  CHECK(stems("parenting parental") == "parenting>parent|parental>parent");
  CHECK(stems("Therapies therapy") == "therapies>therapi|therapy>therapi");
  CHECK(stems("a 2 year old") == "2>2|year>year|old>old");
  CHECK(is_stop_word("the"));
  CHECK_FALSE(is_stop_word("help"));
  CHECK(std::is_sorted(stop_words().begin(), stop_words().end()));
}

TEST_CASE("the index weighs titles above body text and knows each stem's forms", "[search]") {
  const std::vector<Document> docs = {doc("Parenting group", "Come along."),
                                      doc("Home visits", "Volunteers visit parents and their family at home.")};
  const SearchIndex index = build_search_index(docs, {});
  const auto& parent = shard_entry(index, "parent");
  REQUIRE_FALSE(parent.is_null());
  CHECK(parent[1] == nlohmann::json::array());  // "parenting" and "parents" start with the stem
  const auto& family = shard_entry(index, "famili");
  REQUIRE_FALSE(family.is_null());
  CHECK(family[1] == nlohmann::json({"family"}));  // does not start with "famili"
  const auto p = postings(parent);
  REQUIRE(p.size() == 2);
  CHECK(p[0] == std::make_pair(0, int(kTitle)));
  CHECK(p[1] == std::make_pair(1, int(kBody)));
  // Shards are named by first letter and content hash; the table lists them.
  const auto table = nlohmann::json::parse(index.files.front().bytes);
  CHECK(index.files.front().path == "search/docs.json");
  for (std::size_t i = 1; i < index.files.size(); ++i) {
    const std::string& path = index.files[i].path;
    const std::string key = path.substr(7, 1);
    CHECK(table["shards"][key] == path.substr(7));
  }
  CHECK(table["docs"][1] == nlohmann::json({"s", "services/Home visits/", "Home visits", ""}));
}

TEST_CASE("glossary abbreviations are expanded both ways", "[search]") {
  Term cpp;
  cpp.term = "CPP";
  cpp.stands_for = "Child Protection Plan";
  Term mst;
  mst.term = "MST";
  mst.stands_for = "Multi-Systemic Therapy";
  mst.also = {"multisystemic therapy"};
  const std::vector<Document> docs = {doc("mash", "This may lead to a CPP."),
                                      doc("therapy", "Multi-systemic therapy works with families."),
                                      doc("other", "A plan for a child.")};
  const SearchIndex index = build_search_index(docs, {cpp, mst});
  // "child protection plan" finds the page that only says CPP...
  CHECK(postings(shard_entry(index, "protect")) == std::vector<std::pair<int, int>>{{0, kBody}});
  // ...and "MST" the page that only spells it out, also by its other spelling.
  CHECK(postings(shard_entry(index, "mst")) == std::vector<std::pair<int, int>>{{1, kBody}});
  CHECK(postings(shard_entry(index, "multisystem")) == std::vector<std::pair<int, int>>{{1, kBody}});
  CHECK(shard_entry(index, "mst")[1] == nlohmann::json::array());
  // Words of a phrase alone do not expand: "plan" and "child" are not "CPP".
  CHECK(postings(shard_entry(index, "cpp")) == std::vector<std::pair<int, int>>{{0, kBody}});
}

TEST_CASE("the same documents give the same index bytes", "[search]") {
  const std::vector<Document> docs = {doc("b", "zebra apple"), doc("a", "apple mango")};
  const SearchIndex one = build_search_index(docs, {});
  const SearchIndex two = build_search_index(docs, {});
  REQUIRE(one.files.size() == two.files.size());
  for (std::size_t i = 0; i < one.files.size(); ++i) {
    CHECK(one.files[i].path == two.files[i].path);
    CHECK(one.files[i].bytes == two.files[i].bytes);
  }
}

TEST_CASE("excerpts stop at a sentence or a word", "[search]") {
  CHECK(excerpt("Short.") == "Short.");
  CHECK(excerpt("One two three four five six seven eight nine ten", 20) == "One two three four\xE2\x80\xA6");
  CHECK(excerpt("A first sentence here. A second one that is long.", 30) == "A first sentence here.");
}

TEST_CASE("the document table is always at the same address", "[search]") {
  const Document a = doc("Parenting group", "Come along.");
  const Document b = doc("Home visits", "Volunteers visit parents.");
  CHECK(build_search_index({a, b}, {}).files.front().path == "search/docs.json");
  CHECK(build_search_index({b}, {}).files.front().path == "search/docs.json");
}
