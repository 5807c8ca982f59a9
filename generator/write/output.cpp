#include "write/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace og {

namespace fs = std::filesystem;

DiskOutput::DiskOutput(fs::path root) : root_(std::move(root)), writer_([this] { run(); }) {}

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
  std::unique_lock lock(mutex_);
  // Wait for room, so that a slow disk cannot make the queue hold the site.
  changed_.wait(lock, [&] {
    return failure_ || closing_ || queued_bytes_ + item.bytes.size() <= kQueueBytes || queue_.empty();
  });
  if (failure_) std::rethrow_exception(failure_);
  queued_bytes_ += item.bytes.size();
  queue_.push_back(std::move(item));
  changed_.notify_all();
}

void DiskOutput::run() {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return closing_ || !queue_.empty(); });
    if (queue_.empty()) return;  // closing, and everything written
    Queued item = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    try {
      write_now(item);
    } catch (...) {
      lock.lock();
      if (!failure_) failure_ = std::current_exception();
      queue_.clear();
      queued_bytes_ = 0;
      changed_.notify_all();
      continue;
    }
    lock.lock();
    queued_bytes_ -= item.bytes.size();
    changed_.notify_all();
  }
}

void DiskOutput::finish() {
  {
    std::lock_guard lock(mutex_);
    if (closing_ && !writer_.joinable()) {
      if (failure_) std::rethrow_exception(failure_);
      return;
    }
    closing_ = true;
  }
  changed_.notify_all();
  if (writer_.joinable()) writer_.join();
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
