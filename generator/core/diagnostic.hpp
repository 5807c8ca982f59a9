// One type for every problem offergen reports: where, how bad, what, and a hint.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace og {

enum class Severity { warning, error };

// A place in a source file. Lines and columns count from 1; 0 means "unknown"
// (a whole-file problem has line 0).
struct Location {
  std::string path;
  int line = 0;
  int column = 0;
};

struct Diagnostic {
  Location where;
  Severity severity = Severity::error;
  std::string message;
  std::string hint;  // optional: "did you mean 'localities'?"
};

class Diagnostics {
 public:
  void error(Location where, std::string message, std::string hint = {});
  void warning(Location where, std::string message, std::string hint = {});
  void add(Diagnostic d);
  void append(const Diagnostics& other);

  // Sorts by path, line and column; equal places keep the order they were reported in.
  void sort();
  // --strict: every warning becomes an error.
  void promote_warnings();

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }
  bool empty() const { return items_.empty(); }

 private:
  std::vector<Diagnostic> items_;
};

const char* severity_name(Severity s);

}  // namespace og
