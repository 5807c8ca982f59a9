// Content hashes for cache-busting asset names: stable across runs and machines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace og {

std::uint64_t fnv1a64(std::string_view data);
// The first `digits` hex digits of the FNV-1a hash: "style.css" -> "style.3f2a9c1b.css".
std::string short_hash(std::string_view data, int digits = 10);

}  // namespace og
