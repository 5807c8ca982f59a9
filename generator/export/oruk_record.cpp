#include <cctype>
#include <regex>

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

// A UK postcode at the end of an address, or "".
std::string postcode_of(const std::string& address) {
  static const std::regex kPostcode(R"(([A-Za-z]{1,2}[0-9][0-9A-Za-z]? ?[0-9][A-Za-z]{2})\s*$)");
  std::smatch m;
  return std::regex_search(address, m, kPostcode) ? m[1].str() : std::string();
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
  if (!s.contact.website.empty())
    j.member("url", s.contact.website);
  else if (urls.has_origin())
    j.member("url", urls.absolute(Urls::service(s.id)));
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
  // An imported service keeps its feed's id, so that a record exported,
  // imported and exported again is the same record.
  const std::string& feed_id = s.source.open_referral_id;
  const auto uuid = [&] {
    for (std::size_t i = 0; i < feed_id.size(); ++i)
      if ((i == 8 || i == 13 || i == 18 || i == 23) != (feed_id[i] == '-') ||
          (feed_id[i] != '-' && !std::isxdigit(static_cast<unsigned char>(feed_id[i]))))
        return false;
    return feed_id.size() == 36;
  };
  return uuid() ? feed_id : stable_uuid("service", s.id);
}

std::string open_referral_record(const Model& model, const Urls& urls, const Service& s, const ServicePlainText& text) {
  std::string out;
  // Room for the texts and about as much again for the rest (UUIDs and
  // taxonomy terms), so the record is not copied as it grows.
  out.reserve(2 * (s.summary.size() + text.description.size() + text.how_to_access.size()) + 4096);
  JsonWriter j(out, 0, JsonWriter::Layout::compact);
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
  return html_safe_json(std::move(out));
}

}  // namespace og
