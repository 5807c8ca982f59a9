#include "core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace og {

void Diagnostics::error(Location where, std::string message, std::string hint) {
  add({std::move(where), Severity::error, std::move(message), std::move(hint)});
}

void Diagnostics::warning(Location where, std::string message, std::string hint) {
  add({std::move(where), Severity::warning, std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) {
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.path, a.where.line, a.where.column) < std::tie(b.where.path, b.where.line, b.where.column);
  });
  // The same problem found twice (for example by two pages that render one
  // Markdown field) is reported once.
  std::vector<Diagnostic> unique;
  unique.reserve(items_.size());
  std::size_t group_start = 0;
  for (auto& d : items_) {
    if (!unique.empty() && (unique.back().where.path != d.where.path || unique.back().where.line != d.where.line ||
                            unique.back().where.column != d.where.column))
      group_start = unique.size();
    const bool repeat =
        std::any_of(unique.begin() + static_cast<std::ptrdiff_t>(group_start), unique.end(),
                    [&](const Diagnostic& u) { return u.severity == d.severity && u.message == d.message; });
    if (!repeat) unique.push_back(std::move(d));
  }
  items_ = std::move(unique);
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_) d.severity = Severity::error;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

const char* severity_name(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

}  // namespace og
