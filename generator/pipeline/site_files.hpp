// The files a site has besides its pages and documents: sitemap.xml, feed.xml,
// robots.txt and the Open Referral UK export.
#pragma once

#include <vector>

#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "write/output.hpp"

namespace og {

// sitemap.xml, feed.xml and robots.txt.
void write_site_files(const RenderEnvironment& env, const std::vector<PlannedPage>& pages, OutputSink& output);

// Each of them (the preview server makes them again one at a time).
// sitemap.xml and feed.xml exist only when env.urls.has_origin().
std::string sitemap_xml(const RenderEnvironment& env, const std::vector<PlannedPage>& pages);
std::string atom_feed(const RenderEnvironment& env);
std::string robots_txt(const RenderEnvironment& env);

}  // namespace og
