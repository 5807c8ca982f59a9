// The content security policy every page carries and the preview server
// sends: a page may load only what the site itself serves (issue 21).
#pragma once

#include <string_view>

namespace og {

// For <meta http-equiv="Content-Security-Policy">. A meta tag cannot carry
// frame-ancestors (browsers ignore it there), so it is left out here.
constexpr std::string_view kPageSecurityPolicy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

// For the Content-Security-Policy header, which can carry frame-ancestors.
constexpr std::string_view kHeaderSecurityPolicy =
    "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'";

}  // namespace og
