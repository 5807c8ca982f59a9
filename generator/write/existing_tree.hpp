// A build is written over the build before last when there is one
// (write/staged_directory.hpp): overwriting 20,000 files is much cheaper than
// deleting 20,000 and creating them again. This lists what was there before,
// so that whatever the new build did not write can be removed at the end.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>
#include <vector>

namespace og {

struct ExistingTree {
  // False when a folder could not be read or written, or the tree is deeper
  // than any site: then it is not written over (the build starts afresh).
  bool usable = true;
  // Relative paths with '/' separators, in no particular order.
  std::vector<std::string> files;
  // Folders that held nothing, or only things removed while listing.
  std::vector<std::string> empty_folders;
};

// Lists the files under `root`. Anything that is neither a file nor a folder
// (a symbolic link above all, which a write would follow out of the site) is
// removed at once, so that every path in the tree leads to a real folder of
// its own.
ExistingTree list_existing_tree(const std::filesystem::path& root);

// Removes the listed files that are not in `written`, then every folder left
// empty by that (and the listed empty ones), up to but not including `root`.
// Returns how many files it removed. Problems are ignored: what is left is
// only unused files in the new site.
std::size_t remove_unwritten(const std::filesystem::path& root, const ExistingTree& before,
                             const std::unordered_set<std::string>& written);

}  // namespace og
