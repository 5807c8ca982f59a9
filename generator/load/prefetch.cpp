#include "load/prefetch.hpp"

#include <system_error>

#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

namespace og {

namespace {

// Whether the start of `file` is in memory already: read without waiting.
// When the kernel cannot say (RWF_NOWAIT unsupported), it is taken as not.
bool cached(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return true;  // nothing to fetch; the worker reports why
  char byte;
  iovec io{&byte, 1};
  const ssize_t n = ::preadv2(fd, &io, 1, 0, RWF_NOWAIT);
  ::close(fd);
  return n >= 0;
}

// A few files from across the list, all in memory: the rest most likely are too.
bool looks_cached(const std::vector<std::filesystem::path>& files) {
  constexpr std::size_t kSamples = 8;
  for (std::size_t k = 0; k < kSamples; ++k)
    if (!cached(files[k * (files.size() - 1) / (kSamples - 1)])) return false;
  return true;
}

}  // namespace

FilePrefetch::FilePrefetch(const std::vector<std::filesystem::path>& files) {
  if (files.size() < 64) return;  // a small site: not worth a thread
  // Only a help: when no thread can be had, the workers read as before.
  try {
    start(files);
  } catch (const std::system_error&) {
  }
}

void FilePrefetch::start(const std::vector<std::filesystem::path>& files) {
  thread_ = std::thread([this, &files] {
    if (looks_cached(files)) return;
    for (const auto& file : files) {
      if (stop_.load(std::memory_order_relaxed)) return;
      const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
      if (fd < 0) continue;  // the worker that reads it reports why
      ::posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
      ::close(fd);
    }
  });
}

FilePrefetch::~FilePrefetch() {
  stop_.store(true, std::memory_order_relaxed);
  if (thread_.joinable()) thread_.join();
}

}  // namespace og
