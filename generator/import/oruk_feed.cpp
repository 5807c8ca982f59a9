#include "import/oruk_feed.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.hpp"
#include "load/limits.hpp"

namespace og {

using nlohmann::json;

namespace {

const char* kind_of(const json& j) {
  switch (j.type()) {
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "a list";
    case json::value_t::string:
      return "text";
    case json::value_t::boolean:
      return "true or false";
    case json::value_t::null:
      return "null";
    default:
      return "a number";
  }
}

std::string text_of(const json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer() || j.is_number_unsigned()) return j.dump();
  return {};
}

const json* child(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string field(const json& object, const char* key) {
  const json* value = child(object, key);
  return value ? text_of(*value) : std::string();
}

// A record's lists are read up to their first this many objects: a real
// service has a handful of schedules, phones or terms, and merging 300,000 of
// them one by one took minutes.
constexpr std::size_t kMaxListItems = 100;

// Calls `f` with each object in the list object[key] (one object alone counts as a list of one).
void each(const json& object, const char* key, const std::function<void(const json&)>& f) {
  const json* list = child(object, key);
  if (!list) return;
  if (list->is_object()) return f(*list);
  if (!list->is_array()) return;
  std::size_t read = 0;
  for (const json& item : *list) {
    if (read == kMaxListItems) break;
    if (item.is_object()) {
      f(item);
      ++read;
    }
  }
}

void add_unique(std::vector<std::string>& to, std::string text) {
  text = std::string(trim(text));
  if (!text.empty() && std::find(to.begin(), to.end(), text) == to.end()) to.push_back(std::move(text));
}

void join(std::string& to, const std::string& text) {
  if (trim(text).empty() || to.find(text) != std::string::npos) return;
  if (!to.empty()) to += "; ";
  to += std::string(trim(text));
}

std::optional<double> age(const json& object, const char* key) {
  const json* value = child(object, key);
  if (!value) return std::nullopt;
  if (value->is_number()) return value->get<double>();
  if (value->is_string()) {
    const std::string s(trim(value->get<std::string>()));
    char* end = nullptr;
    const double n = std::strtod(s.c_str(), &end);
    if (!s.empty() && end && *end == '\0') return n;
  }
  return std::nullopt;
}

void add_term(FeedRecord& r, std::string label, std::vector<std::string> keys, const json* term = nullptr) {
  label = std::string(trim(label));
  const std::string code = term ? std::string(trim(field(*term, "code"))) : "";
  if (label.empty()) return;
  for (const FeedTerm& t : r.terms)
    if (t.label == label && t.code == code) return;
  std::erase_if(keys, [](const std::string& k) { return trim(k).empty(); });
  keys.insert(keys.begin(), label);
  r.terms.push_back({std::move(label), std::move(keys), code, term ? field(*term, "taxonomy") : ""});
}

void read_terms(const json& j, FeedRecord& r) {
  each(j, "attributes", [&](const json& a) {  // v3
    each(a, "taxonomy_term", [&](const json& t) {
      const std::string name = field(t, "name").empty() ? field(t, "term") : field(t, "name");
      add_term(r, name, {field(t, "id"), field(t, "code"), field(t, "term")}, &t);
    });
  });
  each(j, "service_taxonomys", [&](const json& st) {  // v1
    each(st, "taxonomy", [&](const json& t) { add_term(r, field(t, "name"), {field(t, "id")}); });
  });
  each(j, "taxonomy_terms", [&](const json& t) { add_term(r, field(t, "name"), {field(t, "id"), field(t, "code")}); });
  each(j, "pc_targetAudience", [&](const json& a) { add_term(r, field(a, "audienceType"), {field(a, "id")}); });
}

void read_locations(const json& j, FeedRecord& r) {
  each(j, "service_at_locations", [&](const json& sal) {
    each(sal, "location", [&](const json& loc) {
      const auto address = [&](const json& a) {
        if (!r.address.empty()) return;
        // A part already written (a postcode at the end of address_1) is not repeated.
        for (const char* key : {"address_1", "address_2", "city", "state_province", "postal_code"})
          if (const std::string part(trim(field(a, key))); r.address.find(part) == std::string::npos)
            r.address += (r.address.empty() ? "" : ", ") + part;
      };
      each(loc, "addresses", address);           // v3
      each(loc, "physical_addresses", address);  // v1
      each(loc, "accessibility", [&](const json& a) { join(r.accessibility, field(a, "description")); });
      each(loc, "accessibility_for_disabilities",
           [&](const json& a) { join(r.accessibility, field(a, "accessibility")); });
    });
  });
}

void read_times_and_costs(const json& j, FeedRecord& r) {
  each(j, "schedules", [&](const json& s) { join(r.opening_times, field(s, "description")); });
  each(j, "regular_schedules", [&](const json& s) {  // v1
    const std::string day = field(s, "weekday"), opens = field(s, "opens_at"), closes = field(s, "closes_at");
    if (!day.empty() && !opens.empty() && !closes.empty()) join(r.opening_times, day + " " + opens + " to " + closes);
  });
  join(r.cost, field(j, "fees"));
  each(j, "cost_options", [&](const json& c) {
    join(r.cost, field(c, "amount_description").empty() ? field(c, "option") : field(c, "amount_description"));
  });
  each(j, "languages", [&](const json& l) {
    add_unique(r.languages, field(l, "name").empty() ? field(l, "language") : field(l, "name"));
  });
}

FeedRecord read_record(const json& j, int number) {
  FeedRecord r;
  r.number = number;
  if (!j.is_object()) {
    r.problem = std::string("it is ") + kind_of(j) + ", not a service";
    return r;
  }
  r.id = std::string(trim(field(j, "id")));
  r.name = field(j, "name");
  r.status = field(j, "status");
  r.description = field(j, "description");
  r.application_process = field(j, "application_process");
  r.url = field(j, "url");
  r.email = field(j, "email");
  if (const json* org = child(j, "organization"))
    r.organisation = org->is_object() ? field(*org, "name") : text_of(*org);
  r.min_age = age(j, "minimum_age");
  r.max_age = age(j, "maximum_age");
  r.eligibility = field(j, "eligibility_description");
  each(j, "eligibilitys", [&](const json& e) {  // v1
    if (!r.min_age) r.min_age = age(e, "minimum_age");
    if (!r.max_age) r.max_age = age(e, "maximum_age");
    join(r.eligibility, field(e, "eligibility"));
  });
  r.assured_date = field(j, "assured_date");
  r.last_modified = field(j, "last_modified");
  const auto phone = [&](const json& p) { add_unique(r.phones, field(p, "number")); };
  each(j, "phones", phone);
  each(j, "contacts", [&](const json& c) { each(c, "phones", phone); });
  read_terms(j, r);
  each(j, "service_areas", [&](const json& a) {
    add_unique(r.areas, field(a, "name").empty() ? field(a, "service_area") : field(a, "name"));
  });
  read_locations(j, r);
  read_times_and_costs(j, r);
  if (r.id.empty())
    r.problem = "it has no 'id'";
  else if (r.empty())
    r.problem = "every field is empty";
  return r;
}

// Line and column (in characters) of byte `offset` of `text`.
Location location_of(std::string_view text, std::size_t offset, const std::string& display) {
  const auto [line, column] = line_and_column(text, offset);
  return {display, line, column};
}

// A JSON text's lists and objects nested past kMaxFeedDepth, or more than
// kMaxFeedValues in all: one pass over the bytes, stepping over strings.
// Text that is not JSON is left for the parser to report.
bool report_shape(std::string_view text, const std::string& display, Diagnostics& diagnostics) {
  std::size_t depth = 0, values = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '[' || c == '{' || c == ',') && ++values > kMaxFeedValues) {
      diagnostics.error(location_of(text, i, display),
                        "the file holds more than " + with_commas(kMaxFeedValues) +
                            " values (lists, objects and their items), the most offergen reads in one",
                        "import the feed a page at a time (most feeds take ?page=1, ?page=2 ...)");
      return true;
    }
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '[' || c == '{') {
      if (depth == kMaxFeedDepth) {
        diagnostics.error(
            location_of(text, i, display),
            "the lists and objects are nested more than " + std::to_string(kMaxFeedDepth) + " levels deep",
            "an Open Referral feed needs about ten: check that the file is the feed you meant");
        return true;
      }
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

void report_parse_error(std::string_view text, const json::parse_error& e, const std::string& display,
                        Diagnostics& diagnostics) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (text[start] == '<') {
    diagnostics.error(location_of(text, start, display), "the file is not JSON: it starts with '<', like a web page",
                      "save the feed's JSON, from an address such as https://example.org/api/services");
    return;
  }
  std::string what = e.what();
  const std::size_t colon = what.find(": ", what.find("parse error"));
  if (colon != std::string::npos) what = what.substr(colon + 2);
  // nlohmann quotes all it read of a long string: the start is enough.
  if (const std::size_t last = what.find("; last read: '"); last != std::string::npos && what.size() - last > 60)
    what = what.substr(0, last + 54) + "...'";
  std::string hint;
  if (what.find("UTF-8") != std::string::npos)
    hint = "save the file as UTF-8";
  else if (e.byte >= text.size() || what.find("unexpected end of input") != std::string::npos)
    hint = "the file ends too early: it may have been cut short, so download it again";
  const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
  diagnostics.error(location_of(text, at, display), "the file is not valid JSON: " + what, hint);
}

}  // namespace

bool FeedRecord::empty() const {
  const auto blank = [](const std::string& s) { return trim(s).empty(); };
  return blank(name) && blank(description) && blank(url) && blank(email) && phones.empty() && blank(organisation) &&
         blank(address) && blank(application_process);
}

std::optional<Feed> parse_feed(std::string_view text, const std::string& display, Diagnostics& diagnostics) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) {
    diagnostics.error({display, 1, 1}, "the file is empty", "download the feed again");
    return std::nullopt;
  }
  if (report_shape(text, display, diagnostics)) return std::nullopt;
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    report_parse_error(text, e, display, diagnostics);
    return std::nullopt;
  } catch (const json::exception& e) {  // a number too large for a double (1e999)
    diagnostics.error({display, 1, 1}, std::string("the file cannot be read as JSON: ") + e.what(),
                      "check the feed's numbers");
    return std::nullopt;
  }
  Feed feed;
  feed.display = display;
  const json* list = nullptr;
  if (root.is_array()) {
    feed.shape = "a list of services";
    list = &root;
  } else if (const json* contents = child(root, "contents"); contents && contents->is_array()) {
    feed.shape = "a page of services";
    list = contents;
  } else if (root.is_object() && child(root, "id") && (child(root, "name") || child(root, "description"))) {
    feed.shape = "one service";
    feed.records.push_back(read_record(root, 1));
    return feed;
  }
  const bool services = list && (list->empty() || std::any_of(list->begin(), list->end(), [](const json& item) {
                                   return item.is_object() && child(item, "id") != nullptr;
                                 }));
  if (!services) {
    diagnostics.error(location_of(text, start, display), "the file is JSON but not an Open Referral feed",
                      "expected a list of services, a page of services with 'contents', or one service with 'id' "
                      "and 'name'");
    return std::nullopt;
  }
  int number = 0;
  for (const json& item : *list) feed.records.push_back(read_record(item, ++number));
  return feed;
}

std::optional<Feed> read_feed(const std::filesystem::path& file, const std::string& display, Diagnostics& diagnostics) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(file, ec);
  if (ec) {
    diagnostics.error({display, 0, 0}, "cannot read the file: " + ec.message());
    return std::nullopt;
  }
  // Past the limit only the bytes up to it are read, to say where it passes.
  std::ifstream in(file, std::ios::binary);
  std::string text(std::min(size, kMaxFeedBytes), '\0');
  if (!in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    diagnostics.error({display, 0, 0}, "cannot read the file");
    return std::nullopt;
  }
  if (size > kMaxFeedBytes) {
    std::ostringstream mb;
    mb.precision(1);
    mb << std::fixed << static_cast<double>(size) / (1 << 20);
    diagnostics.error(location_of(text, text.size(), display),
                      "the file is " + mb.str() + " MB; a feed may be up to 32 MB",
                      "import the feed a page at a time (most feeds take ?page=1, ?page=2 ...)");
    return std::nullopt;
  }
  return parse_feed(text, display, diagnostics);
}

std::vector<std::filesystem::path> feed_files(const std::filesystem::path& feed) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(feed, ec)) return {feed};
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(feed, ec))
    if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace og
