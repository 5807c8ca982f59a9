#include "write/staged_directory.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>

namespace og {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMarkerText = "This folder was written by offergen; the next build replaces it.\n";

// Writes the marker without following a link that may stand in its place.
bool write_marker(const fs::path& dir) {
  const fs::path file = dir / StagedDirectory::kMarker;
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool ok = ::write(fd, kMarkerText.data(), kMarkerText.size()) == static_cast<ssize_t>(kMarkerText.size());
  return ::close(fd) == 0 && ok;
}

bool made_by_offergen(const fs::path& dir) {
  std::error_code ec;
  return fs::symlink_status(dir, ec).type() == fs::file_type::directory &&
         fs::symlink_status(dir / StagedDirectory::kMarker, ec).type() == fs::file_type::regular;
}

// A process that is no longer running (a pid that exists, or cannot be
// asked about, counts as running).
bool gone(pid_t pid) {
  return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace

bool StagedDirectory::replaceable(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  if (!fs::is_directory(dir, ec)) return false;
  if (fs::is_empty(dir, ec)) return true;
  return fs::exists(dir / kMarker, ec);
}

fs::path StagedDirectory::sibling(const std::string& tag) const {
  fs::path parent = target_.parent_path();
  if (parent.empty()) parent = ".";
  return parent / ("." + target_.filename().string() + ".offergen-" + tag);
}

StagedDirectory::StagedDirectory(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  const std::string pid = std::to_string(::getpid());
  staging_ = sibling("new-" + pid);
  previous_ = sibling("previous");
  set_aside_ = sibling("set-aside-" + pid);
  std::error_code ec;
  fs::remove_all(staging_, ec);
  tidy_leftovers();
  // Another build at the same moment finds no previous build and starts afresh.
  if (made_by_offergen(previous_) && ::rename(previous_.c_str(), staging_.c_str()) == 0) {
    earlier_ =
        std::async(std::launch::async, [staging = staging_, aside = set_aside_] {
          ExistingTree tree = list_existing_tree(staging);
          if (!tree.usable) {
            // Folders it may not read or write, or deeper than any
            // site: the build goes into a new, empty folder instead.
            tree = ExistingTree{};
            if (::rename(staging.c_str(), aside.c_str()) != 0 || ::mkdir(staging.c_str(), 0755) != 0)
              throw std::runtime_error("cannot create " + staging.string() + ": " + std::strerror(errno));
          }
          if (!write_marker(staging))
            throw std::runtime_error("cannot write " + (staging / kMarker).string() + ": " + std::strerror(errno));
          return tree;
        }).share();
    return;
  }
  fs::create_directories(staging_, ec);
  if (ec) throw std::runtime_error("cannot create " + staging_.string() + ": " + ec.message());
  if (!write_marker(staging_))
    throw std::runtime_error("cannot write " + (staging_ / kMarker).string() + ": " + std::strerror(errno));
}

// What builds that were killed left beside the target: a staging folder
// (often a whole site, taken from the previous build) becomes the previous
// build if there is none; the rest is removed.
void StagedDirectory::tidy_leftovers() {
  fs::path parent = target_.parent_path();
  if (parent.empty()) parent = ".";
  const std::string prefix = "." + target_.filename().string() + ".offergen-";
  DIR* dir = ::opendir(parent.c_str());
  if (dir == nullptr) return;
  std::vector<fs::path> leftovers;
  while (const dirent* entry = ::readdir(dir)) {
    const std::string_view name = entry->d_name;
    if (name.substr(0, prefix.size()) != prefix) continue;
    const std::string_view tag = name.substr(prefix.size());
    for (const std::string_view kind : {"new-", "old-", "set-aside-"}) {
      if (tag.substr(0, kind.size()) != kind) continue;
      const std::string number(tag.substr(kind.size()));
      if (!number.empty() && number.find_first_not_of("0123456789") == std::string::npos && number.size() < 10 &&
          gone(static_cast<pid_t>(std::stol(number))))
        leftovers.push_back(parent / std::string(name));
    }
  }
  ::closedir(dir);
  std::error_code ec;
  for (const fs::path& leftover : leftovers) {
    if (!fs::exists(previous_, ec) && made_by_offergen(leftover) &&
        leftover.filename().string().find(".offergen-new-") != std::string::npos &&
        ::rename(leftover.c_str(), previous_.c_str()) == 0)
      continue;
    fs::remove_all(leftover, ec);
  }
}

StagedDirectory::~StagedDirectory() {
  std::error_code ec;
  if (earlier_.valid()) earlier_.wait();  // the listing may be setting a folder aside
  fs::remove_all(set_aside_, ec);
  if (committed_) return;
  // A build written over an earlier one is half one and half the other:
  // still a good start for the next build, which removes what it does not write.
  if (earlier_.valid() && !given_up_ && made_by_offergen(staging_) &&
      ::rename(staging_.c_str(), previous_.c_str()) == 0)
    return;
  fs::remove_all(staging_, ec);
}

void StagedDirectory::keep_as_previous(const fs::path& old_site) {
  // Fails only if another build kept its own meanwhile: then this one goes.
  if (::rename(old_site.c_str(), previous_.c_str()) == 0) return;
  std::error_code ec;
  fs::remove_all(old_site, ec);
}

void StagedDirectory::commit() {
  std::error_code ec;
  if (!fs::exists(target_, ec)) {
    if (::rename(staging_.c_str(), target_.c_str()) != 0)
      throw std::runtime_error("cannot move the new site into " + target_.string() + ": " + std::strerror(errno));
    committed_ = true;
    return;
  }
  // Linux swaps two directories in one step; readers never see a missing site.
  if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    committed_ = true;
    keep_as_previous(staging_);  // now the old site
    return;
  }
  const fs::path old = sibling("old-" + std::to_string(::getpid()));
  fs::remove_all(old, ec);
  if (::rename(target_.c_str(), old.c_str()) != 0)
    throw std::runtime_error("cannot move the old site aside: " + std::string(std::strerror(errno)));
  if (::rename(staging_.c_str(), target_.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::rename(old.c_str(), target_.c_str());
    throw std::runtime_error("cannot move the new site into " + target_.string() + ": " + why);
  }
  committed_ = true;
  keep_as_previous(old);
}

}  // namespace og
