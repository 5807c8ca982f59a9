// Builds go to a temporary sibling of the output folder, which replaces the
// output folder only when the whole build has succeeded. A failed or
// interrupted build leaves the previous site exactly as it was.
#pragma once

#include <filesystem>
#include <string>

namespace og {

class StagedDirectory {
 public:
  // Creates an empty staging folder next to `target`. Throws std::runtime_error.
  explicit StagedDirectory(std::filesystem::path target);
  ~StagedDirectory();  // removes the staging folder unless committed
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  // Swaps the staging folder into place (atomically where the file system can)
  // and removes the old output. Throws std::runtime_error.
  void commit();

  // The name of the marker file that says a folder was made by offergen.
  static constexpr const char* kMarker = ".offergen";
  // Whether `dir` may be replaced: it does not exist, is empty, or holds the marker.
  static bool replaceable(const std::filesystem::path& dir);

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace og
