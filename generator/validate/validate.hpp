// The validate stage: checks the loaded content against the schema and builds
// the typed model, reporting every problem it finds (never only the first).
#pragma once

#include "core/diagnostic.hpp"
#include "load/content_files.hpp"
#include "model/model.hpp"

namespace og {

struct ValidateOptions {
  Date today;  // for "not reviewed for N months" warnings; empty turns them off
};

Model validate(const LoadedContent& content, const ValidateOptions& options, Diagnostics& diagnostics);

}  // namespace og
