// Builds go to a temporary sibling of the output folder, which replaces the
// output folder only when the whole build has succeeded. A failed or
// interrupted build leaves the previous site exactly as it was.
//
// The site a build replaces is kept beside it (".site.offergen-previous"),
// and the next build is written over it instead of into a new folder:
// overwriting a site costs a fraction of deleting one and creating it again
// (on ext4 without a journal, files are slow to create for minutes after many
// are deleted).
#pragma once

#include <filesystem>
#include <future>
#include <string>

#include "write/existing_tree.hpp"

namespace og {

class StagedDirectory {
 public:
  // Takes the build before last (or what an interrupted build left) as the
  // staging folder, or creates an empty one. Throws std::runtime_error.
  explicit StagedDirectory(std::filesystem::path target);
  // Unless committed, gives the staging folder back as the build before
  // last (when it was one and give_up() was not called), or removes it.
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  // When the staging folder holds an earlier build, what it holds, listed on
  // a thread of its own (for DiskOutput, which writes over it). A tree that
  // cannot be written over safely is set aside and listed as empty. Not
  // valid when the folder was new.
  std::shared_future<ExistingTree> earlier_build() const { return earlier_; }
  // Swaps the staging folder into place (atomically where the file system
  // can) and keeps the old site for the next build. Throws std::runtime_error.
  void commit();
  // The build failed writing: the staging folder is removed, not kept.
  void give_up() { given_up_ = true; }

  // The name of the marker file that says a folder was made by offergen.
  static constexpr const char* kMarker = ".offergen";
  // Whether `dir` may be replaced: it does not exist, is empty, or holds the marker.
  static bool replaceable(const std::filesystem::path& dir);

 private:
  std::filesystem::path sibling(const std::string& tag) const;
  void tidy_leftovers();
  void keep_as_previous(const std::filesystem::path& old_site);

  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::filesystem::path previous_;
  std::filesystem::path set_aside_;
  std::shared_future<ExistingTree> earlier_;
  bool committed_ = false;
  bool given_up_ = false;
};

}  // namespace og
