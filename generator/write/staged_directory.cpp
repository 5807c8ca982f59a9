#include "write/staged_directory.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace og {

namespace fs = std::filesystem;

namespace {

fs::path sibling(const fs::path& target, const std::string& tag) {
  fs::path parent = target.parent_path();
  if (parent.empty()) parent = ".";
  return parent / ("." + target.filename().string() + "." + tag);
}

}  // namespace

bool StagedDirectory::replaceable(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) return true;
  if (!fs::is_directory(dir, ec)) return false;
  if (fs::is_empty(dir, ec)) return true;
  return fs::exists(dir / kMarker, ec);
}

StagedDirectory::StagedDirectory(fs::path target) : target_(std::move(target)) {
  if (target_.filename().empty()) target_ = target_.parent_path();
  staging_ = sibling(target_, "offergen-new-" + std::to_string(::getpid()));
  previous_ = sibling(target_, "offergen-previous");
  std::error_code ec;
  fs::remove_all(staging_, ec);
  // Another build at the same moment finds no previous build and starts afresh.
  const bool previous = fs::symlink_status(previous_, ec).type() == fs::file_type::directory &&
                        fs::exists(previous_ / kMarker, ec);
  reused_ = previous && ::rename(previous_.c_str(), staging_.c_str()) == 0;
  if (reused_) return;
  fs::create_directories(staging_, ec);
  if (ec) throw std::runtime_error("cannot create " + staging_.string() + ": " + ec.message());
  std::ofstream(staging_ / kMarker) << "This folder was written by offergen; the next build replaces it.\n";
}

StagedDirectory::~StagedDirectory() {
  if (committed_) return;
  // A build written over the previous one is half one and half the other:
  // still a good start for the next build, which removes what it does not write.
  if (reused_ && ::rename(staging_.c_str(), previous_.c_str()) == 0) return;
  std::error_code ec;
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
  const fs::path old = sibling(target_, "offergen-old-" + std::to_string(::getpid()));
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
