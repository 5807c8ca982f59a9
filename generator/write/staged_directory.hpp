// Builds go to a temporary sibling of the output folder, which replaces the
// output folder only when the whole build has succeeded. A failed or
// interrupted build leaves the previous site exactly as it was.
//
// The site a build replaces is kept beside it (".site.offergen-previous"),
// and the next build is written over it (DiskOutput::Over::previous_build)
// instead of into a new folder: overwriting a site costs a fraction of
// deleting one and creating it again (on ext4 without a journal, files are
// slow to create for minutes after many are deleted), and unchanged files
// keep their times, so copying the site to a web server moves only what
// changed.
#pragma once

#include <filesystem>
#include <string>

namespace og {

class StagedDirectory {
 public:
  // Takes the previous build's folder next to `target` as the staging
  // folder, or creates an empty one. Throws std::runtime_error.
  explicit StagedDirectory(std::filesystem::path target);
  // Unless committed, gives the staging folder back as the previous build
  // (when it was one), or removes it.
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  // Whether the staging folder holds the previous build, to be written over.
  bool holds_previous_build() const { return reused_; }
  // Swaps the staging folder into place (atomically where the file system
  // can) and keeps the old site as the previous build. Throws std::runtime_error.
  void commit();

  // The name of the marker file that says a folder was made by offergen.
  static constexpr const char* kMarker = ".offergen";
  // Whether `dir` may be replaced: it does not exist, is empty, or holds the marker.
  static bool replaceable(const std::filesystem::path& dir);

 private:
  void keep_as_previous(const std::filesystem::path& old_site);

  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::filesystem::path previous_;
  bool reused_ = false;
  bool committed_ = false;
};

}  // namespace og
