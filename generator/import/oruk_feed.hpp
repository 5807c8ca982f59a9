// Reads an Open Referral UK feed: a v1 list of services, a v3 page (an object
// with 'contents'), one v3 service, or a list of v3 services. Only the fields
// offergen uses are read (an allow-list): staff fields such as 'assured_by'
// and 'assurer_email', contacts' names and emails are never read at all.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"

namespace og {

// A feed file larger than this is refused, with a hint to import it a page at
// a time: the feed is parsed whole, and the import's memory stays bounded.
constexpr std::uintmax_t kMaxFeedBytes = 32u << 20;
// Lists and objects inside one another: a feed needs about ten levels.
// Checked before parsing: nlohmann::json makes a value of each level, and a
// 32 MB nest of '[' took it about 1.1 GB.
constexpr std::size_t kMaxFeedDepth = 64;
// Values (lists, objects and the items in them) in one file: a page of 1,000
// services shaped like Bristol's has 35,000, a 32 MB page about 350,000. (A
// record's lists are long enough: they are read to their first 100 items.)
constexpr std::size_t kMaxFeedValues = 1'000'000;

// A term a service is tagged with: a taxonomy term, or an audience
// (pc_targetAudience). `keys` are what a mapping file may name it by (its
// name, id, code), `label` what a person is shown; `code` and `taxonomy` (its
// name) say what it is when a feed uses offergen's own codes.
struct FeedTerm {
  std::string label;
  std::vector<std::string> keys;
  std::string code, taxonomy;
};

// One service as the feed has it: text as found (HTML where the feed has HTML).
struct FeedRecord {
  int number = 0;  // 1-based place in its feed
  std::string id, name, status;
  std::string description, application_process;  // HTML
  std::string organisation, url, email;
  std::vector<std::string> phones;
  std::optional<double> min_age, max_age;
  std::string assured_date, last_modified;
  std::vector<FeedTerm> terms;
  std::vector<std::string> areas;  // service areas' names
  std::string address, opening_times, cost, eligibility, accessibility;
  std::vector<std::string> languages;
  std::string problem;  // why it cannot be imported ("it is a number, not a service"), or ""
  // Whether every field that would make a service is empty.
  bool empty() const;
};

struct Feed {
  std::string display;  // the path as given
  std::string shape;    // "an ORUK v1 list", "an ORUK v3 page", "an ORUK v3 service"
  std::vector<FeedRecord> records;
};

// Reads `file`; a file that cannot be read, is too large, is not JSON or not
// an Open Referral feed is reported (as `display`:line:col) and gives nullopt.
std::optional<Feed> read_feed(const std::filesystem::path& file, const std::string& display, Diagnostics& diagnostics);
// The same, from text in memory.
std::optional<Feed> parse_feed(std::string_view text, const std::string& display, Diagnostics& diagnostics);

// The JSON files a FEED argument names: the file itself, or a folder's *.json
// files in name order.
std::vector<std::filesystem::path> feed_files(const std::filesystem::path& feed);

}  // namespace og
