// Which published file a request path names: apart from the server so that
// fuzz/site_path_fuzz.cpp can try it without a server or a site.
#pragma once

#include <optional>
#include <string>

namespace og {

// The file a request path serves: "/" -> "index.html", "/x/" ->
// "x/index.html"; nullopt for a path that would leave the site ("..", "//").
std::optional<std::string> site_file_for(const std::string& path);

}  // namespace og
