#include "write/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <unordered_set>

namespace og {

namespace fs = std::filesystem;

DiskOutput::DiskOutput(fs::path root, std::shared_future<ExistingTree> earlier, std::size_t queue_bytes)
    : root_(std::move(root)), queue_bytes_(queue_bytes), before_(std::move(earlier)) {
  for (Lane& lane : lanes_) lane.thread = std::thread([this, &lane] { run(lane); });
}

DiskOutput::~DiskOutput() {
  try {
    finish();
  } catch (...) {
    // The build reports write errors through finish(); a destructor must not throw.
  }
}

void DiskOutput::write(std::string_view path, std::string_view bytes) {
  write(std::string(path), std::string(bytes));
}

void OutputSink::write_piece(const std::string& path, std::string&& piece, bool first) {
  std::lock_guard lock(pieces_mutex_);
  std::string& file = pieces_[path];
  if (first) file.clear();
  file += piece;
}

void OutputSink::end_pieces(const std::string& path) {
  std::string bytes;
  {
    std::lock_guard lock(pieces_mutex_);
    auto it = pieces_.find(path);
    if (it == pieces_.end()) return;
    bytes = std::move(it->second);
    pieces_.erase(it);
  }
  write(std::string(path), std::move(bytes));
}

void DiskOutput::write(std::string path, std::string&& bytes) {
  enqueue({std::move(path), std::move(bytes), Part::whole});
}

void DiskOutput::write_piece(const std::string& path, std::string&& piece, bool first) {
  enqueue({path, std::move(piece), first ? Part::first : Part::next});
}

void DiskOutput::end_pieces(const std::string& path) {
  enqueue({path, std::string(), Part::end});
}

void DiskOutput::enqueue(Queued item) {
  Lane& lane = lanes_[std::hash<std::string>{}(item.path) % kWriters];
  std::unique_lock lock(lane.mutex);
  // Wait for room, so that a slow disk cannot make the queue hold the site.
  auto room = [&] {
    return failed_.load() || lane.closing || lane.queued_bytes + item.bytes.size() <= queue_bytes_ ||
           lane.queue.empty();
  };
  // Each time before waiting, the writer is woken if it sleeps: it sleeps
  // until a queue holds a batch, and pages queued while this thread waited
  // (too few to wake it) would otherwise leave both waiting for ever.
  while (!room()) {
    if (lane.writer_waiting) lane.work.notify_one();
    ++lane.producers_waiting;
    lane.room.wait(lock);
    --lane.producers_waiting;
  }
  if (failed_.load()) {
    lock.unlock();
    std::lock_guard failure_lock(failure_mutex_);
    std::rethrow_exception(failure_);
  }
  lane.queued_bytes += item.bytes.size();
  lane.queue.push_back(std::move(item));
  // A sleeping writer is woken for a batch, not for each page: a wake is a
  // context switch on each side, and the cores are busy rendering.
  if (lane.writer_waiting && (lane.queue.size() >= kWakeItems || lane.queued_bytes >= kWakeBytes))
    lane.work.notify_one();
}

void DiskOutput::fail(std::exception_ptr error) {
  {
    std::lock_guard lock(failure_mutex_);
    if (!failure_) failure_ = error;
  }
  failed_.store(true);
  // Whoever waits for room in any queue learns of it at once.
  for (Lane& lane : lanes_) {
    std::lock_guard lock(lane.mutex);
    lane.queue.clear();
    lane.queued_bytes = 0;
    lane.room.notify_all();
  }
}

void DiskOutput::run(Lane& lane) {
  // The earlier build is listed first: the listing removes links that a
  // write would follow out of the site.
  if (before_.valid()) {
    try {
      std::shared_future<ExistingTree>(before_).get();
    } catch (...) {
      fail(std::current_exception());
    }
  }
  std::deque<Queued> batch;
  for (;;) {
    {
      std::unique_lock lock(lane.mutex);
      if (lane.queue.empty() && !lane.closing) {
        lane.writer_waiting = true;
        lane.work.wait(lock, [&] { return lane.closing || !lane.queue.empty(); });
        lane.writer_waiting = false;
      }
      if (lane.queue.empty()) return;  // closing, and everything written
      batch.swap(lane.queue);          // everything queued so far, in order
    }
    for (Queued& item : batch) {
      if (failed_.load()) break;
      try {
        write_now(lane, item);
      } catch (...) {
        fail(std::current_exception());
        break;
      }
      std::lock_guard lock(lane.mutex);
      lane.queued_bytes -= std::min(lane.queued_bytes, item.bytes.size());
      if (lane.producers_waiting > 0) lane.room.notify_all();
    }
    batch.clear();
  }
}

void DiskOutput::finish() {
  {
    std::lock_guard lock(finish_mutex_);
    if (!finished_) {
      finished_ = true;
      for (Lane& lane : lanes_) {
        {
          std::lock_guard lane_lock(lane.mutex);
          lane.closing = true;
        }
        lane.work.notify_all();
        lane.room.notify_all();
      }
      for (Lane& lane : lanes_)
        if (lane.thread.joinable()) lane.thread.join();
    }
  }
  std::lock_guard lock(failure_mutex_);
  if (failure_) std::rethrow_exception(failure_);
}

std::size_t DiskOutput::remove_unwritten(const std::vector<std::string>& keep) {
  finish();
  if (!before_.valid()) return 0;
  std::unordered_set<std::string> written(keep.begin(), keep.end());
  for (Lane& lane : lanes_) written.insert(lane.written.begin(), lane.written.end());
  return og::remove_unwritten(root_, before_.get(), written);
}

namespace {

void write_all(int fd, std::string_view bytes, std::size_t offset, const fs::path& file) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      throw std::runtime_error("cannot write " + file.string() + ": " + why);
    }
    done += static_cast<std::size_t>(n);
  }
}

// Whether the file holds `bytes` at `offset`.
bool holds(int fd, std::string_view bytes, std::size_t offset) {
  thread_local std::string buffer(64 << 10, '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    const std::size_t want = std::min(buffer.size(), bytes.size() - done);
    const ssize_t n = ::pread(fd, buffer.data(), want, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || std::memcmp(buffer.data(), bytes.data() + done, static_cast<std::size_t>(n)) != 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Clears the way to `file` in a tree that may hold anything where it should
// be: a file where a folder belongs, a folder where the file belongs, a file
// that cannot be written.
void make_room(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  fs::path at = root;
  for (const fs::path& part : file.lexically_relative(root)) {
    at /= part;
    const fs::file_status status = fs::symlink_status(at, ec);
    if (ec || status.type() == fs::file_type::not_found) break;
    if (at == file || status.type() != fs::file_type::directory) {
      fs::remove_all(at, ec);
      break;
    }
  }
  fs::create_directories(file.parent_path(), ec);
}

}  // namespace

void DiskOutput::write_now(Lane& lane, const Queued& item) {
  const std::string& path = item.path;
  if (path.empty() || path.front() == '/' || path.find("..") != std::string_view::npos)
    throw std::runtime_error("refusing to write outside the site: " + std::string(path));
  const fs::path file = root_ / fs::path(std::string(path));
  if (!before_.valid()) {
    if (item.part != Part::end) write_new(file, item);
  } else {
    std::size_t offset = 0;
    if (item.part == Part::next || item.part == Part::end) {
      const auto at = lane.piece_ends.find(path);
      if (at == lane.piece_ends.end()) throw std::runtime_error("a piece of " + path + " came before its first");
      offset = at->second;
      if (item.part == Part::end) lane.piece_ends.erase(at);
    }
    offset = write_over(file, item, offset);
    if (item.part == Part::first || item.part == Part::next) lane.piece_ends[path] = offset;
    if (item.part == Part::whole || item.part == Part::first) lane.written.push_back(path);
  }
  if (item.part != Part::end) count(item.bytes.size(), item.part != Part::next);
}

void DiskOutput::write_new(const fs::path& file, const Queued& item) {
  // Most pages are alone in a new folder whose parent exists: one mkdir()
  // instead of create_directories()'s stat() of every level.
  const fs::path parent = file.parent_path();
  const bool append = item.part == Part::next;
  if (!append && item.path.find('/') != std::string::npos && ::mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error("cannot create " + parent.string() + ": " + ec.message());
  }
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (append ? O_APPEND : O_TRUNC), 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
  write_all(fd, item.bytes, 0, file);  // O_APPEND writes at the end whatever the offset
  if (::close(fd) != 0) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
}

std::size_t DiskOutput::write_over(const fs::path& file, const Queued& item, std::size_t offset) {
  const std::string_view bytes = item.bytes;
  const auto failed = [&](int fd) {
    const std::string why = std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return std::runtime_error("cannot write " + file.string() + ": " + why);
  };
  const int flags = O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC;
  int fd = ::open(file.c_str(), flags, 0644);
  if (fd < 0 && errno == ENOENT && ::mkdir(file.parent_path().c_str(), 0755) == 0)
    fd = ::open(file.c_str(), flags, 0644);
  if (fd < 0) {
    make_room(root_, file);
    fd = ::open(file.c_str(), flags, 0644);
  }
  struct stat st;
  if (fd < 0 || ::fstat(fd, &st) != 0) throw failed(fd);
  if (st.st_nlink > 1 || st.st_uid != ::geteuid()) {
    // A file linked from elsewhere (a copy made with `cp -al`) is not
    // written through, and one of another owner's is not kept: a new file
    // takes its place.
    ::close(fd);
    if (::unlink(file.c_str()) != 0) throw failed(-1);
    fd = ::open(file.c_str(), flags | O_EXCL, 0644);
    if (fd < 0 || ::fstat(fd, &st) != 0) throw failed(fd);
  }
  if ((st.st_mode & 07777) != 0644 && ::fchmod(fd, 0644) != 0) throw failed(fd);
  const auto size = static_cast<std::size_t>(st.st_size);
  const std::size_t end = offset + bytes.size();
  if (item.part == Part::end) {
    if (size > end && ::ftruncate(fd, static_cast<off_t>(end)) != 0) throw failed(fd);
  } else {
    // Bytes already there are not written again; the file's time is still
    // the build's, as if it had been.
    const bool fits = item.part == Part::whole ? size == bytes.size() : size >= end;
    if (fits && holds(fd, bytes, offset)) {
      if (::futimens(fd, nullptr) != 0) throw failed(fd);
    } else {
      write_all(fd, bytes, offset, file);
    }
    if (item.part == Part::whole && size > bytes.size() && ::ftruncate(fd, static_cast<off_t>(bytes.size())) != 0)
      throw failed(fd);
  }
  if (::close(fd) != 0) throw failed(-1);
  return end;
}

void MemoryOutput::write(std::string_view path, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  files_.insert_or_assign(std::string(path), std::string(bytes));
  count(bytes.size());
}

}  // namespace og
