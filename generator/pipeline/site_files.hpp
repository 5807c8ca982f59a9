// The files a site has besides its pages: sitemap.xml and robots.txt.
#pragma once

#include <vector>

#include "render/environment.hpp"
#include "render/page_plan.hpp"
#include "write/output.hpp"

namespace og {

void write_site_files(const RenderEnvironment& env, const std::vector<PlannedPage>& pages, OutputSink& output);

}  // namespace og
