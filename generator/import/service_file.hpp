// Writes a service as a content file (services/<id>.md): its fields as YAML
// front matter in the order docs/content.md lists them, its description as
// the Markdown body. Any text round-trips: values are written plain only when
// YAML would read them back unchanged, and double-quoted otherwise.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/service.hpp"

namespace og {

// The file's text. With a `source.open_referral_id`, 'source:' ends the front
// matter, its digest (whatever service.source.digest says) the digest of the
// file as written.
std::string service_file_text(const Service& service);

// The digest a file records ('source: digest:'), if it has one.
std::optional<std::string> recorded_digest(std::string_view file);
// Whether the file is exactly as an import wrote it: its recorded digest is
// the digest of the rest of it. False for files without one.
bool unedited_since_import(std::string_view file);

// One YAML scalar as it is written after "key: " (or "- ").
std::string yaml_scalar(std::string_view text);

}  // namespace og
