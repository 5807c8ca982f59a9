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

}  // namespace

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

  auto text = [](std::string& out, const char* tag, const std::string& value) {
    out += "    <";
    out += tag;
    out += ">";
    append_html_escaped(out, value);
    out += "</";
    out += tag;
    out += ">\n";
  };
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  xml += "  <title>";
  append_html_escaped(xml, "What changed: " + m.site.title);
  xml += "</title>\n  <id>";
  append_html_escaped(xml, env.urls.absolute("/"));
  xml += "</id>\n  <link href=\"";
  append_html_escaped(xml, env.urls.absolute("/feed.xml"));
  xml += "\" rel=\"self\"/>\n  <link href=\"";
  append_html_escaped(xml, env.urls.absolute("/"));
  xml += "\"/>\n  <author><name>";
  append_html_escaped(xml, m.site.partnership);
  xml += "</name></author>\n";
  if (!updated.empty()) xml += "  <updated>" + updated.iso() + "T00:00:00Z</updated>\n";
  for (const auto& e : entries) {
    xml += "  <entry>\n";
    text(xml, "title", e.title);
    text(xml, "id", env.urls.absolute(e.route));
    xml += "    <link href=\"";
    append_html_escaped(xml, env.urls.absolute(e.route));
    xml += "\"/>\n    <updated>" + e.date.iso() + "T00:00:00Z</updated>\n";
    if (!e.summary.empty()) text(xml, "summary", e.summary);
    xml += "  </entry>\n";
  }
  xml += "</feed>\n";
  return xml;
}

std::string sitemap_xml(const RenderEnvironment& env, const std::vector<PlannedPage>& pages) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) {
    if (p.kind == PageKind::not_found) continue;
    xml += "  <url><loc>";
    append_html_escaped(xml, env.urls.absolute(p.route));
    xml += "</loc></url>\n";
  }
  xml += "</urlset>\n";
  return xml;
}

std::string robots_txt(const RenderEnvironment& env) {
  std::string robots = "User-agent: *\nAllow: /\n";
  if (env.urls.has_origin()) robots += "Sitemap: " + env.urls.absolute("/sitemap.xml") + "\n";
  return robots;
}

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
