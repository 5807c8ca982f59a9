#include <algorithm>
#include <cctype>

#include "core/json_writer.hpp"
#include "core/text.hpp"
#include "export/open_referral.hpp"
#include "export/oruk_terms.hpp"

namespace og {

namespace {

// What a record's parts share: the writer, the service and its id.
struct RecordWriter {
  JsonWriter& j;
  const Model& model;
  const Service& s;
  const std::string& sid;

  // "key": [ one object per item of `items`, written by `each` ] (nothing
  // when there are no items).
  template <typename Items, typename Each>
  void list(JsonKey key, const Items& items, Each&& each) const {
    if (items.empty()) return;
    j.key(key);
    j.begin_array();
    for (const auto& item : items) {
      j.begin_object();
      each(item);
      j.end_object();
    }
    j.end_array();
  }

  // An object of the record's own: its id and the service's.
  void own(std::string_view kind, std::string_view which = "") const {
    j.member("id", stable_uuid(kind, sid + "/" + std::string(which)));
    j.member("service_id", sid);
  }
};

void write_organisation(const RecordWriter& w) {
  if (w.s.organisation.empty()) return;
  const std::string oid = stable_uuid("organisation", w.s.organisation);
  const Site& site = w.model.site;
  w.j.member("organization_id", oid);
  w.j.key("organization");
  w.j.begin_object();
  w.j.member("id", oid);
  w.j.member("name", w.s.organisation);
  // The one thing the partnership's content says of every organisation.
  w.j.key("description");
  w.j.value({"Runs services listed by ", site.partnership.empty() ? site.title : site.partnership, "."});
  w.j.end_object();
}

void write_areas(const RecordWriter& w) {
  std::vector<const Locality*> areas;
  if (w.s.all_localities) {
    for (const auto& l : w.model.localities) areas.push_back(&l);
  } else {
    for (const auto& ref : w.s.localities)
      if (const Locality* l = w.model.locality(ref.id)) areas.push_back(l);
  }
  w.list("service_areas", areas, [&](const Locality* l) {
    w.own("area", l->id);
    w.j.member("name", l->name);
  });
}

// A UK postcode at the end of an address ("HD1 2AB", "W1A 1AA"), or "".
std::string postcode_of(std::string_view address) {
  address = trim(address);
  const std::size_t space = address.rfind(' ');
  if (space == std::string_view::npos || space < 2) return {};
  const std::size_t start = address.rfind(' ', space - 1);
  const std::string_view outward = address.substr(start == std::string_view::npos ? 0 : start + 1,
                                                  space - (start == std::string_view::npos ? 0 : start + 1));
  const std::string_view inward = address.substr(space + 1);
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  // Outward: a letter or two, a digit, then maybe a digit or letter; inward: a digit and two letters.
  std::size_t letters = 0;
  while (letters < outward.size() && alpha(outward[letters])) ++letters;
  const bool outward_ok = (letters == 1 || letters == 2) && outward.size() > letters && digit(outward[letters]) &&
                          outward.size() <= letters + 2 &&
                          std::all_of(outward.begin(), outward.end(), [&](char c) { return alpha(c) || digit(c); });
  const bool inward_ok = inward.size() == 3 && digit(inward[0]) && alpha(inward[1]) && alpha(inward[2]);
  if (!outward_ok || !inward_ok) return {};
  return std::string(outward) + " " + std::string(inward);
}

// `address` as an absolute URI (RFC 3986), as ORUK's url and website are:
// bytes a URI may not hold percent-encoded ("café" is "caf%C3%A9"); "" when
// its host or port cannot be one.
std::string absolute_uri(std::string_view address) {
  const std::size_t scheme = address.starts_with("https://") ? 8 : address.starts_with("http://") ? 7 : 0;
  if (scheme == 0) return {};
  const std::size_t path = std::min(address.find_first_of("/?#", scheme), address.size());
  const std::string_view authority = address.substr(scheme, path - scheme);
  const std::size_t colon = authority.rfind(':');
  const std::string_view host = authority.substr(0, colon),
                         port = colon == std::string_view::npos ? "" : authority.substr(colon + 1);
  auto host_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (host.empty() || !std::all_of(host.begin(), host.end(), host_char) ||
      !std::all_of(port.begin(), port.end(), digit))
    return {};
  static constexpr std::string_view kAllowed = "-._~:/?#[]@!$&'()*+,;=";
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out(address.substr(0, path));
  for (std::size_t i = path; i < address.size(); ++i) {
    const auto c = static_cast<unsigned char>(address[i]);
    if ((c < 0x80 && std::isalnum(c)) || kAllowed.find(static_cast<char>(c)) != std::string_view::npos ||
        (c == '%' && i + 2 < address.size() && hex(address[i + 1]) && hex(address[i + 2]))) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

// Where the service is: its address and what its content says of access.
void write_location(const RecordWriter& w) {
  const std::string& address = w.s.contact.address;
  if (address.empty() && w.s.accessibility.empty()) return;
  const std::string lid = stable_uuid("location", w.sid);
  const std::vector<int> one{0};
  w.list("service_at_locations", one, [&](int) {
    w.own("service_at_location");
    w.j.member("location_id", lid);
    w.j.key("location");
    w.j.begin_object();
    w.j.member("id", lid);
    w.j.member("location_type", "physical");
    w.j.member("name", w.s.name);
    if (!address.empty()) {
      // The content keeps an address as one line: it is not split into
      // town and county by guesswork; a postcode at its end is its own.
      const std::vector<int> addresses{0};
      w.list("addresses", addresses, [&](int) {
        w.j.member("id", stable_uuid("address", w.sid));
        w.j.member("location_id", lid);
        w.j.member("address_1", address);
        w.j.member("city", "");
        w.j.member("state_province", "");
        w.j.member("postal_code", postcode_of(address));
        w.j.member("country", "GB");
        w.j.member("address_type", "physical");
      });
    }
    if (!w.s.accessibility.empty()) {
      w.list("accessibility", one, [&](int) {
        w.j.member("id", stable_uuid("accessibility", w.sid));
        w.j.member("location_id", lid);
        w.j.member("description", w.s.accessibility);
      });
    }
    w.j.end_object();
  });
}

void write_contacts(const RecordWriter& w) {
  const Contact& c = w.s.contact;
  if (c.phone.empty() && c.email.empty()) return;
  const std::vector<int> one{0};
  w.list("contacts", one, [&](int) {
    const std::string cid = stable_uuid("contact", w.sid);
    w.j.member("id", cid);
    w.j.member("service_id", w.sid);
    w.j.member("name", w.s.name);  // the service's own line: never a person
    if (!c.email.empty()) w.j.member("email", c.email);
    w.list("phones", c.phone.empty() ? std::vector<int>{} : one, [&](int) {
      w.j.member("id", stable_uuid("phone", w.sid));
      w.j.member("contact_id", cid);
      w.j.member("number", c.phone);
    });
  });
}

void write_offer(const RecordWriter& w) {
  const Service& s = w.s;
  const std::vector<int> one{0};
  w.list("schedules", s.opening_times.empty() ? std::vector<int>{} : one, [&](int) {
    w.own("schedule");
    w.j.member("description", s.opening_times);
  });
  w.list("languages", s.languages, [&](const std::string& name) {
    w.own("language", name);
    w.j.member("name", name);
    if (const std::string_view code = language_code(name); !code.empty()) w.j.member("code", code);
  });
  w.list("cost_options", s.cost.empty() ? std::vector<int>{} : one, [&](int) {
    w.own("cost_option");
    w.j.member("option", s.cost);
    if (s.free) w.j.member("amount", 0);
    w.j.member("amount_description", s.cost);
  });
}

// Categories, levels of need and ways in, as ORUK's attributes link terms.
void write_attributes(const RecordWriter& w) {
  w.list("attributes", oruk_service_terms(w.model, w.s), [&](const OrukTerm& t) {
    const std::string tid = t.id();
    w.j.member("id", stable_uuid("attribute", w.sid + "/" + tid));
    w.j.member("link_id", w.sid);
    w.j.member("link_type", "service");
    w.j.member("link_entity", "service");
    w.j.member("taxonomy_term_id", tid);
    w.j.key("taxonomy_term");
    w.j.begin_object();
    write_term(w.j, t);
    w.j.end_object();
  });
}

void write_facts(JsonWriter& j, const Urls& urls, const Service& s, const ServicePlainText& text) {
  j.key("description");
  j.value({s.summary, text.description.empty() ? "" : "\n\n", text.description});
  // The service's own website when it has one, else its page on this site
  // when the site knows its address (ORUK's url is absolute).
  std::string url = absolute_uri(s.contact.website);
  if (url.empty() && urls.has_origin()) url = absolute_uri(urls.absolute(Urls::service(s.id)));
  if (!url.empty()) j.member("url", url);
  if (!s.contact.email.empty()) j.member("email", s.contact.email);
  j.member("status", "active");
  if (!s.cost.empty()) j.member("fees", s.cost);
  if (!s.eligibility.empty()) j.member("eligibility_description", s.eligibility);
  if (!text.how_to_access.empty()) j.member("application_process", text.how_to_access);
  // Left out when the content does not say (ORUK's feeds write -1).
  if (s.min_age) j.member("minimum_age", *s.min_age);
  if (s.max_age) j.member("maximum_age", *s.max_age);
  if (!s.last_reviewed.empty()) {
    j.member("assured_date", s.last_reviewed.iso());
    j.member("last_modified", s.last_reviewed.iso() + "T00:00:00Z");
  }
}

}  // namespace

void write_term(JsonWriter& j, const OrukTerm& t) {
  j.member("id", t.id());
  j.member("code", t.code);
  j.member("name", t.name);
  j.member("description", t.description);
  j.member("taxonomy", t.taxonomy->name);
  j.member("taxonomy_id", t.taxonomy->id());
}

std::string open_referral_service_id(const Service& s) {
  // An imported service keeps its feed's id when that is a UUID, so that a
  // directory that exported it recognises it (docs/import.md).
  if (is_uuid(s.source.open_referral_id)) return to_lower_ascii(s.source.open_referral_id);
  return stable_uuid("service", s.id);
}

std::string open_referral_record(const Model& model, const Urls& urls, const Service& s, const ServicePlainText& text) {
  std::string out;
  // Room for the texts and about as much again for the rest (UUIDs and
  // taxonomy terms), so the record is not copied as it grows.
  out.reserve(2 * (s.summary.size() + text.description.size() + text.how_to_access.size()) + 4096);
  JsonWriter j(out, 0, JsonWriter::Layout::compact, JsonWriter::Escaping::html_safe);
  const std::string sid = open_referral_service_id(s);
  const RecordWriter w{j, model, s, sid};
  j.begin_object();
  j.member("id", sid);
  j.member("name", s.name);
  write_facts(j, urls, s, text);
  write_organisation(w);
  write_areas(w);
  write_location(w);
  write_contacts(w);
  write_offer(w);
  write_attributes(w);
  j.end_object();
  return out;
}

}  // namespace og
