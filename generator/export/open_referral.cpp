#include "export/open_referral.hpp"

#include <functional>
#include <nlohmann/json.hpp>

#include "core/hash.hpp"
#include "core/json_writer.hpp"
#include "core/parallel.hpp"
#include "derive/markdown.hpp"

namespace og {

using json = nlohmann::ordered_json;

std::string stable_uuid(std::string_view kind, std::string_view id) {
  // The FNV-1a hashes of "kind:id" and of "kind:id#".
  std::uint64_t hi = fnv1a64(id, fnv1a64(":", fnv1a64(kind)));
  std::uint64_t lo = fnv1a64("#", hi);
  hi = (hi & ~0xF000ull) | 0x8000ull;                  // version 8
  lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);  // RFC 9562 variant
  // 8-4-4-4-12 hex digits: hi's 16, then lo's 16.
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(36, '-');
  std::size_t at = 0;
  auto digits = [&](std::uint64_t v, int count) {
    for (int k = count - 1; k >= 0; --k) out[at++] = kHex[(v >> (4 * k)) & 0xF];
  };
  digits(hi >> 32, 8);
  ++at;
  digits(hi >> 16, 4);
  ++at;
  digits(hi, 4);
  ++at;
  digits(lo >> 48, 4);
  ++at;
  digits(lo, 12);
  return out;
}

namespace {

void write_organisation(JsonWriter& j, const Service& s) {
  if (s.organisation.empty()) return;
  const std::string oid = stable_uuid("organisation", s.organisation);
  j.key("organization");
  j.begin_object();
  j.member("id", oid);
  j.member("name", s.organisation);
  j.end_object();
  j.member("organization_id", oid);
}

// The service's areas, phone and languages, each an object of its own.
void write_linked(JsonWriter& j, const Model& model, const Service& s, const std::string& sid) {
  auto area = [&](const Locality& l) {
    j.begin_object();
    j.member("id", stable_uuid("area", s.id + "/" + l.id));
    j.member("name", l.name);
    j.member("service_id", sid);
    j.end_object();
  };
  j.key("service_areas");
  j.begin_array();
  if (s.all_localities) {
    for (const auto& l : model.localities) area(l);
  } else {
    for (const auto& ref : s.localities)
      if (const Locality* l = model.locality(ref.id)) area(*l);
  }
  j.end_array();
  j.key("phones");
  j.begin_array();
  if (!s.contact.phone.empty()) {
    j.begin_object();
    j.member("id", stable_uuid("phone", s.id));
    j.member("service_id", sid);
    j.member("number", s.contact.phone);
    j.end_object();
  }
  j.end_array();
  j.key("languages");
  j.begin_array();
  for (const auto& lang : s.languages) {
    j.begin_object();
    j.member("id", stable_uuid("language", s.id + "/" + lang));
    j.member("service_id", sid);
    j.member("name", lang);
    j.end_object();
  }
  j.end_array();
}

// Categories and levels of need as taxonomy terms, as ORUK's attributes do.
void write_attributes(JsonWriter& j, const Model& model, const Service& s, const std::string& sid) {
  auto attribute = [&](const std::string& id, const std::string& term_id, const std::string& name,
                       const char* vocabulary) {
    j.begin_object();
    j.member("id", id);
    j.member("link_id", sid);
    j.member("link_type", "service");
    j.key("taxonomy_term");
    j.begin_object();
    j.member("id", term_id);
    j.member("name", name);
    j.member("vocabulary", vocabulary);
    j.end_object();
    j.end_object();
  };
  j.key("attributes");
  j.begin_array();
  for (const auto& ref : s.categories)
    if (const Category* c = model.category(ref.id))
      attribute(stable_uuid("attribute", s.id + "/category/" + c->id), stable_uuid("category", c->id), c->name,
                "categories");
  for (int n : s.levels)
    if (const Level* l = model.level(n))
      attribute(stable_uuid("attribute", s.id + "/level/" + std::to_string(n)), stable_uuid("level", std::to_string(n)),
                "Level " + std::to_string(n) + ": " + l->name, "levels-of-need");
  j.end_array();
}

// One service as an ORUK record.
void write_service_record(JsonWriter& j, const Model& model, const Urls& urls, const Service& s,
                          const std::string& description) {
  const std::string sid = stable_uuid("service", s.id);
  j.begin_object();
  j.member("id", sid);
  j.member("name", s.name);
  j.key("description");
  if (description.empty())
    j.value(s.summary);
  else
    j.value({s.summary, "\n\n", description});
  // The service's own website when it has one, else its page on this site.
  j.member("url", !s.contact.website.empty() ? s.contact.website
                  : urls.has_origin()        ? urls.absolute(Urls::service(s.id))
                                             : urls.link(Urls::service(s.id)));
  if (!s.contact.email.empty()) j.member("email", s.contact.email);
  j.member("status", "active");
  if (!s.cost.empty()) j.member("fees_description", s.cost);
  if (!s.eligibility.empty()) j.member("eligibility_description", s.eligibility);
  // ORUK writes "no limit" as -1.
  j.member("minimum_age", s.min_age ? *s.min_age : -1);
  j.member("maximum_age", s.max_age ? *s.max_age : -1);
  if (!s.last_reviewed.empty()) {
    j.member("assured_date", s.last_reviewed.iso());
    j.member("last_modified", s.last_reviewed.iso() + "T00:00:00Z");
  }
  write_organisation(j, s);
  write_linked(j, model, s, sid);
  write_attributes(j, model, s, sid);
  j.end_object();
}

}  // namespace

std::string open_referral_record(const Model& model, const Urls& urls, const Service& service,
                                 const std::string& description) {
  // One record to a line of the page (laid out as dump(2) around its records),
  // indented two levels in: a diff of two exports shows which services changed.
  std::string out;
  // Room for the description and about as much again for the rest (UUIDs
  // and taxonomy terms), so the record is not copied as it grows.
  out.reserve(2 * (service.summary.size() + description.size()) + 2048);
  out = "    ";
  JsonWriter j(out, 2, JsonWriter::Layout::compact);
  write_service_record(j, model, urls, service, description);
  return out;
}

namespace {

// The page around `count` records, cut where they go: between the brackets
// of "contents": [] (an empty page stays whole, in `before`).
struct PageFrame {
  std::string before, after;
};

PageFrame page_frame(std::size_t count) {
  json page;
  page["total_items"] = count;
  page["total_pages"] = 1;
  page["page_number"] = 1;
  page["size"] = count;
  page["first_page"] = true;
  page["last_page"] = true;
  page["empty"] = count == 0;
  page["contents"] = json::array();
  std::string text = page.dump(2);
  if (count == 0) return {text + "\n", ""};
  const std::size_t open = text.rfind("[]");
  return {text.substr(0, open + 1) + "\n", "\n  ]" + text.substr(open + 2) + "\n"};
}

// Records are made this many at a time, so that a large site holds one block
// of records, not every record.
constexpr std::size_t kRecordBlock = 256;

// `records` one to a line, after `out` (which ends with earlier records
// unless `first`).
void append_records(std::string& out, const std::vector<std::shared_ptr<const std::string>>& records, bool first) {
  std::size_t size = out.size();
  for (const auto& r : records) size += r->size() + 2;
  out.reserve(size);
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (i || !first) out += ",\n";
    out += *records[i];
  }
}

}  // namespace

std::string open_referral_page(const std::vector<std::shared_ptr<const std::string>>& records) {
  const PageFrame frame = page_frame(records.size());
  std::string out = frame.before;
  append_records(out, records, true);
  return out += frame.after;
}

void write_open_referral(std::size_t count,
                         const std::function<std::shared_ptr<const std::string>(std::size_t)>& record,
                         OutputSink& output, unsigned jobs) {
  const std::string path = "openreferral/services.json";
  PageFrame frame = page_frame(count);
  output.write_piece(path, std::move(frame.before), true);
  std::vector<std::shared_ptr<const std::string>> block;
  for (std::size_t start = 0; start < count; start += kRecordBlock) {
    block.assign(std::min(kRecordBlock, count - start), nullptr);
    parallel_for(block.size(), jobs, [&](std::size_t k) { block[k] = record(start + k); });
    std::string joined;
    append_records(joined, block, start == 0);
    output.write_piece(path, std::move(joined), false);
  }
  if (!frame.after.empty()) output.write_piece(path, std::move(frame.after), false);
  output.end_pieces(path);
}

}  // namespace og
