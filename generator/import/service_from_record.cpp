#include "import/service_from_record.hpp"

#include <algorithm>

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

void map_terms(const FeedRecord& r, const ImportMap& map, const Site& site, ImportedService& out) {
  std::vector<std::string> categories;
  std::vector<int> levels;
  for (const FeedTerm& term : r.terms) {
    const TermMapping* m = map.term(term.keys);
    if (!m) {
      out.unmapped.push_back("term '" + term.label + "'");
      continue;
    }
    categories.insert(categories.end(), m->categories.begin(), m->categories.end());
    levels.insert(levels.end(), m->levels.begin(), m->levels.end());
  }
  if (categories.empty()) {
    categories = map.default_categories;
    if (categories.empty()) categories.push_back(site.categories.front().id);
    out.review.push_back("no term of the map gave a category: it has the default, " + categories.front());
  }
  if (levels.empty()) {
    levels = map.default_levels;
    if (levels.empty()) levels.push_back(site.levels.front().number);
    out.review.push_back("no term of the map gave a level of need: it has the default, " +
                         std::to_string(levels.front()));
  }
  // In site.yaml's order, each once.
  for (const Category& c : site.categories)
    if (std::find(categories.begin(), categories.end(), c.id) != categories.end())
      out.service.categories.push_back({c.id, {}});
  std::sort(levels.begin(), levels.end());
  levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
  out.service.levels = levels;
}

void map_areas_and_access(const FeedRecord& r, const ImportMap& map, ImportedService& out) {
  Service& s = out.service;
  std::vector<std::string> localities;
  bool all = r.areas.empty();
  for (const std::string& area : r.areas) {
    const AreaMapping* m = map.area(area);
    if (!m) out.unmapped.push_back("area '" + area + "'");
    if (!m || m->all) {
      all = true;
      continue;
    }
    for (const auto& l : m->localities)
      if (std::find(localities.begin(), localities.end(), l) == localities.end()) localities.push_back(l);
  }
  s.all_localities = all || localities.empty();
  if (!s.all_localities) {
    std::sort(localities.begin(), localities.end());
    for (auto& l : localities) s.localities.push_back({l, {}});
  }
  std::vector<std::string> access = map.default_access;
  if (access.empty()) {
    access.push_back("self-referral");
    out.review.push_back("the feed does not say how to get the service: it has the default, self-referral");
  }
  static const std::vector<std::string_view> routes = {"self-referral", "professional-referral", "drop-in"};
  for (std::size_t i = 0; i < routes.size(); ++i)
    if (std::find(access.begin(), access.end(), routes[i]) != access.end())
      s.access.push_back(static_cast<AccessRoute>(i));
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

void text_fields(const FeedRecord& r, ImportedService& out) {
  Service& s = out.service;
  const ConvertedText description = html_to_markdown(r.description);
  note_dropped(description, "description", out.review);
  const ConvertedText how = html_to_markdown(r.application_process);
  note_dropped(how, "how to access", out.review);
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
                                    const Site& site) {
  ImportedService out;
  Service& s = out.service;
  s.name = plain_text(r.name);
  out.slug = slug_from(s.name);
  s.organisation = plain_text(r.organisation);
  text_fields(r, out);
  map_terms(r, map, site, out);
  map_areas_and_access(r, map, out);
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
