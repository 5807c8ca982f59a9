// Watches folders (and the folders inside them) for files that change, with
// Linux's inotify.
#pragma once

#include <filesystem>
#include <map>
#include <vector>

namespace og {

class Watcher {
 public:
  // Watches each of `roots` and every folder inside them. Throws
  // std::runtime_error when inotify cannot be used.
  explicit Watcher(const std::vector<std::filesystem::path>& roots);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Waits until files change and returns them, once a burst of changes has
  // settled (an editor's save is often several events: write, rename ...).
  // Returns an empty list once stop() was called (then stopped() is true),
  // or when `timeout_ms` (-1: none) passed without a change.
  std::vector<std::filesystem::path> wait(int timeout_ms = -1);
  bool stopped() const { return stopped_; }
  // Makes wait() return; safe from another thread.
  void stop();

 private:
  void add_tree(const std::filesystem::path& dir);
  // Reads what inotify has; adds changed paths. False when nothing was there.
  bool drain(std::vector<std::filesystem::path>& changed);

  int inotify_ = -1;
  int wake_ = -1;  // an eventfd that stop() writes to
  bool stopped_ = false;
  std::map<int, std::filesystem::path> dirs_;  // watch descriptor -> folder
};

}  // namespace og
