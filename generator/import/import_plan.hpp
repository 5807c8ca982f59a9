// Which file each imported service goes to, and what happens to it: a
// service whose Open Referral id a file in services/ already records goes
// back to that file; a new one to the slug of its name, with -2, -3 ... when
// that is taken (given out in the order of slug, then Open Referral id, so
// the same feeds always give the same names). A file edited by hand since the
// import wrote it is not overwritten without `force`.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "import/service_from_record.hpp"

namespace og {

struct ExistingService {
  std::string id;                // the file name without .md
  std::string text;              // its bytes
  std::string open_referral_id;  // from its 'source:', or ""
  std::string feed;              // the same
};

// The services/ folder as it is now (nothing when it does not exist), in name order.
std::vector<ExistingService> read_existing_services(const std::filesystem::path& services_dir);

// kept: edited by hand, and the feed says what it said when the file was
// imported; refused: edited by hand, and the feed has changed since.
enum class Outcome { created, updated, unchanged, kept, refused };
const char* outcome_name(Outcome o);  // "created" ...

struct PlannedFile {
  std::string id;
  std::string text;
  Outcome outcome = Outcome::created;
  std::size_t service = 0;  // index into the services planned
};

// One PlannedFile per service, in the order of their ids. `texts[i]` is the
// file text of `services[i]`.
std::vector<PlannedFile> plan_files(const std::vector<ImportedService>& services, const std::vector<std::string>& texts,
                                    const std::vector<ExistingService>& existing, bool force);

}  // namespace og
