// schema.org structured data for service pages, so that search engines can
// show a service's name, provider, area, ages and phone number.
#pragma once

#include <string>

#include "render/environment.hpp"

namespace og {

// A JSON-LD object, safe to put inside <script type="application/ld+json">.
std::string service_json_ld(const RenderEnvironment& env, const Service& service);

}  // namespace og
