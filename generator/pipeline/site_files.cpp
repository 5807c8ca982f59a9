#include "pipeline/site_files.hpp"

#include "core/text.hpp"

namespace og {

void write_site_files(const RenderEnvironment& env, const std::vector<PlannedPage>& pages, OutputSink& output) {
  std::string robots = "User-agent: *\nAllow: /\n";
  // A sitemap needs absolute addresses, so it exists only when the site knows its own.
  if (env.urls.has_origin()) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& p : pages) {
      if (p.kind == PageKind::not_found) continue;
      xml += "  <url><loc>";
      append_html_escaped(xml, env.urls.absolute(p.route));
      xml += "</loc></url>\n";
    }
    xml += "</urlset>\n";
    output.write("sitemap.xml", xml);
    robots += "Sitemap: " + env.urls.absolute("/sitemap.xml") + "\n";
  }
  output.write("robots.txt", robots);
}

}  // namespace og
