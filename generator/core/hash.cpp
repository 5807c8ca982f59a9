#include "core/hash.hpp"

#include <bit>
#include <cstring>

namespace og {

std::uint64_t fnv1a64(std::string_view data, std::uint64_t from) {
  std::uint64_t h = from;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

namespace {

// MurmurHash3's finalizer: every bit of the input moves every bit of the output.
std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace

std::uint64_t content_hash(std::string_view data) {
  constexpr std::uint64_t k = 0x9e3779b97f4a7c15ull;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const std::size_t n = data.size();
  std::uint64_t h = 14695981039346656037ull ^ (n * k);
  std::size_t i = 0;
  auto word = [&](std::size_t at, std::size_t len) {
    std::uint64_t w = 0;
    for (std::size_t b = 0; b < len; ++b) w |= static_cast<std::uint64_t>(p[at + b]) << (8 * b);
    return w;
  };
  // Eight bytes at a time with one load, as word(i, 8) reads them on this
  // little-endian machine (hashed names must not change).
  static_assert(std::endian::native == std::endian::little);
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 29;
  }
  if (i < n) h = (h ^ word(i, n - i)) * k;
  return mix(h);
}

std::string short_hash(std::string_view data, int digits) {
  static const char* hex = "0123456789abcdef";
  std::uint64_t h = content_hash(data);
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = hex[h & 0xF];
    h >>= 4;
  }
  return out.substr(0, static_cast<std::size_t>(digits));
}

}  // namespace og
