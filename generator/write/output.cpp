#include "write/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace og {

namespace fs = std::filesystem;

DiskOutput::DiskOutput(fs::path root) : root_(std::move(root)) {
  for (Lane& lane : lanes_) lane.thread = std::thread([this, &lane] { run(lane); });
}

DiskOutput::~DiskOutput() {
  try {
    finish();
  } catch (...) {
    // The build reports write errors through finish(); a destructor must not throw.
  }
}

void DiskOutput::write(std::string_view path, std::string_view bytes) { write(std::string(path), std::string(bytes)); }

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

void DiskOutput::write(std::string path, std::string&& bytes) { enqueue({std::move(path), std::move(bytes), false}); }

void DiskOutput::write_piece(const std::string& path, std::string&& piece, bool first) {
  enqueue({path, std::move(piece), !first});
}

void DiskOutput::enqueue(Queued item) {
  Lane& lane = lanes_[std::hash<std::string>{}(item.path) % kWriters];
  std::unique_lock lock(lane.mutex);
  // Wait for room, so that a slow disk cannot make the queue hold the site.
  auto room = [&] {
    return failed_.load() || lane.closing || lane.queued_bytes + item.bytes.size() <= kQueueBytes ||
           lane.queue.empty();
  };
  if (!room()) {
    if (lane.writer_waiting) lane.work.notify_one();  // it may be asleep on a short queue
    ++lane.producers_waiting;
    lane.room.wait(lock, room);
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
        write_now(item);
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

void DiskOutput::write_now(const Queued& item) {
  const std::string& path = item.path;
  const std::string_view bytes = item.bytes;
  if (path.empty() || path.front() == '/' || path.find("..") != std::string_view::npos)
    throw std::runtime_error("refusing to write outside the site: " + std::string(path));
  const fs::path file = root_ / fs::path(std::string(path));
  // Most pages are alone in a new folder whose parent exists: one mkdir()
  // instead of create_directories()'s stat() of every level.
  const fs::path parent = file.parent_path();
  if (!item.append && path.find('/') != std::string_view::npos && ::mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) {
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw std::runtime_error("cannot create " + parent.string() + ": " + ec.message());
  }
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | (item.append ? O_APPEND : O_TRUNC), 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      throw std::runtime_error("cannot write " + file.string() + ": " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) throw std::runtime_error("cannot write " + file.string() + ": " + std::strerror(errno));
  count(bytes.size(), !item.append);
}

void MemoryOutput::write(std::string_view path, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  files_.insert_or_assign(std::string(path), std::string(bytes));
  count(bytes.size());
}

}  // namespace og
