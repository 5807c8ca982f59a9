#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

namespace og {

namespace fs = std::filesystem;

namespace {

// Files are reported once they are complete: closed after writing, or moved
// into place (how many editors save). Creations and deletions change the
// shape of the site; folders created later are watched too.
constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE | IN_DELETE_SELF;

// A burst of events ends after this long without one.
constexpr int kSettleMs = 1;
constexpr auto kMaxBurst = std::chrono::milliseconds(40);

}  // namespace

Watcher::Watcher(const std::vector<fs::path>& roots) {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (inotify_ < 0 || wake_ < 0) throw std::runtime_error(std::string("cannot watch files: ") + std::strerror(errno));
  for (const auto& root : roots) add_tree(root);
}

Watcher::~Watcher() {
  if (inotify_ >= 0) ::close(inotify_);
  if (wake_ >= 0) ::close(wake_);
}

void Watcher::add_tree(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  const int wd = ::inotify_add_watch(inotify_, dir.c_str(), kEvents);
  if (wd < 0) throw std::runtime_error("cannot watch " + dir.string() + ": " + std::strerror(errno));
  dirs_[wd] = dir;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec)) add_tree(it->path());
}

bool Watcher::drain(std::vector<fs::path>& changed) {
  alignas(inotify_event) char buffer[64 * 1024];
  bool any = false;
  for (;;) {
    const ssize_t n = ::read(inotify_, buffer, sizeof buffer);
    if (n <= 0) return any;
    any = true;
    for (ssize_t pos = 0; pos < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + pos);
      pos += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      auto dir = dirs_.find(e->wd);
      if (dir == dirs_.end()) continue;
      if (e->mask & (IN_IGNORED | IN_DELETE_SELF)) {
        if (e->mask & IN_IGNORED) dirs_.erase(dir);
        continue;
      }
      if (e->len == 0) continue;
      const fs::path path = dir->second / e->name;
      const bool is_dir = e->mask & IN_ISDIR;
      if (is_dir && (e->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
      // A file being created is reported when it is closed after writing.
      if (!is_dir && (e->mask & IN_CREATE)) continue;
      changed.push_back(path);
    }
  }
}

std::vector<fs::path> Watcher::wait(int timeout_ms) {
  std::vector<fs::path> changed;
  pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_, POLLIN, 0}};
  while (changed.empty()) {
    const int ready = ::poll(fds, 2, timeout_ms);
    if (ready < 0 && errno != EINTR) {
      stopped_ = true;
      return {};
    }
    if (fds[1].revents & POLLIN) {
      stopped_ = true;
      return {};
    }
    if (ready == 0) return {};  // timed out
    drain(changed);
  }
  // Let the burst settle: more events within a few milliseconds belong to it.
  const auto start = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - start < kMaxBurst) {
    pollfd one = {inotify_, POLLIN, 0};
    if (::poll(&one, 1, kSettleMs) <= 0) break;
    drain(changed);
  }
  std::sort(changed.begin(), changed.end());
  changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
  return changed;
}

void Watcher::stop() {
  const std::uint64_t one = 1;
  [[maybe_unused]] const ssize_t n = ::write(wake_, &one, sizeof one);
}

}  // namespace og
