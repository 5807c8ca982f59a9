// Content hashes for cache-busting asset names: stable across runs and machines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace og {

// FNV-1a: what the export's UUIDs are made from, so it never changes.
// `from` continues a hash: fnv1a64(b, fnv1a64(a)) == fnv1a64(a + b).
constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
std::uint64_t fnv1a64(std::string_view data, std::uint64_t from = kFnvOffset);
// A hash for file names, eight bytes at a step (several times quicker than
// FNV-1a on the megabytes of a search index); bytes read little-endian.
std::uint64_t content_hash(std::string_view data);
// The first `digits` hex digits of content_hash(): "style.css" -> "style.3f2a9c1b.css".
std::string short_hash(std::string_view data, int digits = 10);

}  // namespace og
