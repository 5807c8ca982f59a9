// Small text helpers shared by every stage: UTF-8, slugs, spelling hints, escaping.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

namespace og {

// Returns the byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of code points in `text` (for 1-based columns).
int utf8_length(std::string_view text);
// The 1-based line and column (in code points) of byte `offset` of `text`.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

// "Family Group Conferences" -> "family-group-conferences". ASCII letters and digits
// survive; everything else becomes a single hyphen.
std::string slugify(std::string_view text);
bool is_slug(std::string_view text);

// Levenshtein distance, used for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a likely typo.
std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates);
// Formats a hint such as "did you mean 'localities'?", or "" when nothing is close.
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

void append_html_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// A count with its noun, as it starts a sentence or a heading: "No services",
// "One service", "2 services".
std::string count_phrase(std::size_t n, std::string_view singular, std::string_view plural);

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
// Whether `id` is written as a UUID is: 8-4-4-4-12 hexadecimal digits.
bool is_uuid(std::string_view id);

}  // namespace og
