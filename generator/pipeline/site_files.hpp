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

}  // namespace og
