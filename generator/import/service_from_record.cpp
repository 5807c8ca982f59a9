#include "import/service_from_record.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "import/html_to_markdown.hpp"
#include "import/record_checks.hpp"
#include "import/text_clean.hpp"
#include "validate/formats.hpp"

namespace og {

namespace {

std::string plain_text(const std::string& html) {
  return html.find('<') == std::string::npos && html.find('&') == std::string::npos ? clean_line(html)
                                                                                    : html_to_markdown(html).plain;
}

void note_dropped(const ConvertedText& t, const char* field, std::vector<std::string>& review) {
  if (t.dropped.empty()) return;
  std::string list;
  for (const auto& d : t.dropped) list += (list.empty() ? "" : ", ") + d;
  review.push_back(std::string("left out of the ") + field + ": " + list);
}

template <typename T, typename V>
bool add_once(std::vector<T>& to, const V& value) {
  if (std::find(to.begin(), to.end(), value) == to.end()) to.push_back(value);
  return true;
}

// A term filed by its code as offergen's export writes them (and any feed
// that uses the same codes): a category id of site.yaml, "level-N" in a
// taxonomy of levels of need, a way to get the service. False for any other.
bool file_by_code(const FeedTerm& term, const Site& site, std::vector<std::string>& categories, Service& s) {
  const std::string code = to_lower_ascii(trim(term.code));
  if (code.empty()) return false;
  for (const Category& c : site.categories)
    if (c.id == code) return add_once(categories, c.id);
  if (to_lower_ascii(trim(term.taxonomy)) == "levels of need")
    for (const Level& l : site.levels)
      if (code == "level-" + std::to_string(l.number)) return add_once(s.levels, l.number);
  for (AccessRoute r : {AccessRoute::self_referral, AccessRoute::professional_referral, AccessRoute::drop_in})
    if (code == access_route_id(r)) return add_once(s.access, r);
  return false;
}

// Categories, levels and ways in, in the order the feed gives them: a term
// the map names as the map says, else by its code.
void map_terms(const FeedRecord& r, const ImportMap& map, const Site& site, ImportedService& out) {
  Service& s = out.service;
  std::vector<std::string> categories;
  for (const FeedTerm& term : r.terms) {
    if (const TermMapping* m = map.term(term.keys)) {
      categories.insert(categories.end(), m->categories.begin(), m->categories.end());
      for (int level : m->levels) add_once(s.levels, level);
    } else if (!file_by_code(term, site, categories, s)) {
      out.unmapped.push_back("term '" + term.label + "'");
    }
  }
  if (categories.empty()) {
    categories = map.default_categories;
    if (categories.empty()) categories.push_back(site.categories.front().id);
    out.review.push_back("no term of the map gave a category: it has the default, " + categories.front());
  }
  if (s.levels.empty()) {
    s.levels = map.default_levels;
    if (s.levels.empty()) s.levels.push_back(site.levels.front().number);
    out.review.push_back("no term of the map gave a level of need: it has the default, " +
                         std::to_string(s.levels.front()));
  }
  for (const std::string& id : categories)
    if (std::none_of(s.categories.begin(), s.categories.end(), [&](const Ref& c) { return c.id == id; }))
      s.categories.push_back({id, {}});
  if (!s.access.empty()) return;
  for (const std::string& route :
       map.default_access.empty() ? std::vector<std::string>{"self-referral"} : map.default_access)
    for (AccessRoute a : {AccessRoute::self_referral, AccessRoute::professional_referral, AccessRoute::drop_in})
      if (route == access_route_id(a)) s.access.push_back(a);
  if (map.default_access.empty())
    out.review.push_back("the feed does not say how to get the service: it has the default, self-referral");
}

// The localities a service is for, in the feed's order: an area the map
// names as the map says, else the locality of that name; `all` when the
// feed names none, or an area that is neither.
void map_areas(const FeedRecord& r, const ImportMap& map, const MapTargets& targets, ImportedService& out) {
  Service& s = out.service;
  std::vector<std::string> localities;
  bool all = r.areas.empty();
  for (const std::string& area : r.areas) {
    const std::string name = to_lower_ascii(trim(area));
    const auto named = std::find_if(targets.locality_names.begin(), targets.locality_names.end(),
                                    [&](const std::string& n) { return to_lower_ascii(trim(n)) == name; });
    if (const AreaMapping* m = map.area(area)) {
      all = all || m->all;
      for (const auto& l : m->localities) add_once(localities, l);
    } else if (named != targets.locality_names.end()) {
      add_once(localities, targets.localities[static_cast<std::size_t>(named - targets.locality_names.begin())]);
    } else {
      out.unmapped.push_back("area '" + area + "'");
      all = true;
    }
  }
  s.all_localities = all || localities.empty();
  if (!s.all_localities)
    for (auto& l : localities) s.localities.push_back({l, {}});
}

void contact(const FeedRecord& r, ImportedService& out) {
  Contact& c = out.service.contact;
  std::vector<std::string> other_phones;
  for (const std::string& raw : r.phones) {
    const std::string text = clean_line(raw);
    const auto number = phone_from(text);
    if (c.phone.empty() && number) {
      c.phone = *number;
      if (*number != text) out.review.push_back("the phone number was taken out of '" + text + "'");
    } else {
      other_phones.push_back(text);
    }
  }
  if (!other_phones.empty()) {
    std::string& how = out.service.how_to_access.text;
    how += how.empty() ? "" : "\n\n";
    std::string list;
    for (const auto& p : other_phones) list += (list.empty() ? "" : "; ") + p;
    append_markdown_escaped(how, "Other phone numbers: " + list);
    out.review.push_back("other phone numbers were put in how_to_access");
  }
  const std::string email = clean_line(r.email);
  if (!email.empty() && (!is_email(email) || is_placeholder_email(email))) {
    out.review.push_back("the email '" + email + "' is not a real address, so it was left out");
  } else if (!email.empty()) {
    c.email = email;
    if (std::string why = personal_email_reason(email); !why.empty())
      out.review.push_back("the email " + email + " may be a person's (" + why +
                           "): keep it only if it is the service's");
  }
  std::string url = clean_line(r.url), why;
  if (!url.empty() && !is_web_address(url, why) && is_web_address("https://" + url, why)) {
    url = "https://" + url;
    out.review.push_back("the website had no https://, so it was added: check that " + url + " works");
  }
  if (!url.empty() && !is_web_address(url, why))
    out.review.push_back("the website '" + url + "' is not a web address, so it was left out");
  else
    c.website = url;
  c.address = clean_line(r.address);
}

// Email addresses written in a text (a mailto: link or a word with an '@')
// that look like a person's: listed for review, as the service's own is.
void note_personal_emails(const std::string& text, const char* field, std::vector<std::string>& review) {
  const auto part = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("._%+-").find(c) != std::string_view::npos;
  };
  for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
    std::size_t start = at, end = at + 1;
    while (start > 0 && part(text[start - 1])) --start;
    while (end < text.size() && part(text[end])) ++end;
    while (end > at + 1 && text[end - 1] == '.') --end;
    const std::string email = text.substr(start, end - start);
    if (start == at || end == at + 1 || !is_email(email)) continue;
    if (std::string why = personal_email_reason(email); !why.empty())
      review.push_back(std::string("the ") + field + " names " + email + ", which may be a person's (" + why +
                       "): keep it only if it is the service's");
  }
}

void text_fields(const FeedRecord& r, ImportedService& out) {
  Service& s = out.service;
  const ConvertedText description = html_to_markdown(r.description);
  note_dropped(description, "description", out.review);
  note_personal_emails(description.markdown, "description", out.review);
  const ConvertedText how = html_to_markdown(r.application_process);
  note_dropped(how, "how to access", out.review);
  note_personal_emails(how.markdown, "how to access", out.review);
  s.how_to_access.text = how.markdown;
  Summary summary = summary_from(description.lead);
  // A first paragraph of one sentence is the summary, and the body the rest,
  // as offergen's export writes them: the page does not say it twice.
  const bool one_sentence = !summary.cut && !summary.text.empty() && summary.text == trim(description.lead);
  s.description.text = one_sentence ? description.after_lead : description.markdown;
  if (summary.text.empty()) {
    summary.text = s.name;
    out.review.push_back("the feed has no description: the summary is the service's name");
  } else if (summary.cut) {
    out.review.push_back("the summary was cut from a long first sentence");
  }
  s.summary = summary.text;
  s.opening_times = plain_text(r.opening_times);
  s.cost = plain_text(r.cost);
  if (to_lower_ascii(s.cost) == "free") s.cost = "Free";
  for (const auto& l : r.languages)
    if (std::string language = clean_line(l); !language.empty()) s.languages.push_back(language);
  s.accessibility = plain_text(r.accessibility);
  s.eligibility = plain_text(r.eligibility);
}

}  // namespace

ImportedService service_from_record(const FeedRecord& r, const std::string& feed, const ImportMap& map,
                                    const MapTargets& targets) {
  ImportedService out;
  Service& s = out.service;
  s.name = plain_text(r.name);
  out.slug = slug_from(s.name);
  s.organisation = plain_text(r.organisation);
  text_fields(r, out);
  map_terms(r, map, *targets.site, out);
  map_areas(r, map, targets, out);
  Ages ages = ages_from(r.min_age, r.max_age);
  s.min_age = ages.min;
  s.max_age = ages.max;
  out.review.insert(out.review.end(), ages.notes.begin(), ages.notes.end());
  contact(r, out);
  if (auto d = date_from(r.assured_date)) {
    s.last_reviewed = *d;
  } else if (auto m = date_from(r.last_modified)) {
    s.last_reviewed = *m;
  }
  s.source.open_referral_id = r.id;
  s.source.feed = feed;
  return out;
}

}  // namespace og
