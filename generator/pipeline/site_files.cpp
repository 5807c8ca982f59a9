#include "pipeline/site_files.hpp"

#include <algorithm>
#include <tuple>

#include "core/text.hpp"

namespace og {

namespace {

struct FeedEntry {
  Date date;
  std::string title;
  std::string summary;
  std::string route;
};

// "What changed": everything with a review date, newest first.
std::string atom_feed(const RenderEnvironment& env) {
  const Model& m = env.model;
  std::vector<FeedEntry> entries;
  for (const auto& s : m.services)
    if (!s.last_reviewed.empty()) entries.push_back({s.last_reviewed, s.name, s.summary, Urls::service(s.id)});
  for (const auto& p : m.pathways)
    if (!p.last_reviewed.empty()) entries.push_back({p.last_reviewed, p.title, p.summary, Urls::pathway(p.id)});
  for (const auto& p : m.strategy)
    if (!p.last_reviewed.empty() && p.id != "index")
      entries.push_back({p.last_reviewed, p.title, p.summary, Urls::strategy_part(p.id)});
  for (const auto& p : m.pages)
    if (!p.last_reviewed.empty() && p.id != "index")
      entries.push_back({p.last_reviewed, p.title, p.summary, Urls::page(p.id)});
  std::sort(entries.begin(), entries.end(), [](const FeedEntry& a, const FeedEntry& b) {
    return std::tie(b.date, a.route) < std::tie(a.date, b.route);
  });
  Date updated = m.site.updated;
  for (const auto& e : entries) updated = std::max(updated, e.date);

  const auto text = [](const char* tag, const std::string& value) {
    return "    <" + std::string(tag) + ">" + html_escape(value) + "</" + tag + ">\n";
  };
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <title>" + html_escape("What changed: " + m.site.title) + "</title>\n";
  xml += "  <id>" + html_escape(env.urls.absolute("/")) + "</id>\n";
  xml += "  <link href=\"" + html_escape(env.urls.absolute("/feed.xml")) + "\" rel=\"self\"/>\n";
  xml += "  <link href=\"" + html_escape(env.urls.absolute("/")) + "\"/>\n";
  xml += "  <author><name>" + html_escape(m.site.partnership) + "</name></author>\n";
  if (!updated.empty()) xml += "  <updated>" + updated.iso() + "T00:00:00Z</updated>\n";
  for (const auto& e : entries) {
    xml += "  <entry>\n" + text("title", e.title) + text("id", env.urls.absolute(e.route));
    xml += "    <link href=\"" + html_escape(env.urls.absolute(e.route)) + "\"/>\n";
    xml += "    <updated>" + e.date.iso() + "T00:00:00Z</updated>\n";
    if (!e.summary.empty()) xml += text("summary", e.summary);
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

std::string sitemap_xml(const RenderEnvironment& env, const std::vector<PlannedPage>& pages) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages)
    if (p.kind != PageKind::not_found)
      xml += "  <url><loc>" + html_escape(env.urls.absolute(p.route)) + "</loc></url>\n";
  xml += "</urlset>\n";
  return xml;
}

std::string robots_txt(const RenderEnvironment& env) {
  std::string robots = "User-agent: *\nAllow: /\n";
  if (env.urls.has_origin()) robots += "Sitemap: " + env.urls.absolute("/sitemap.xml") + "\n";
  return robots;
}

}  // namespace

void write_site_files(const RenderEnvironment& env, const std::vector<PlannedPage>& pages, OutputSink& output) {
  // A sitemap and a feed need absolute addresses, so they exist only when the
  // site knows its own.
  if (env.urls.has_origin()) {
    output.write("sitemap.xml", sitemap_xml(env, pages));
    output.write("feed.xml", atom_feed(env));
  }
  output.write("robots.txt", robots_txt(env));
}

}  // namespace og
