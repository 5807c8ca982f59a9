// The one place that writes output files. Every page, asset and document goes
// through an OutputSink: to disk for builds, to memory for tests and previews.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "write/existing_tree.hpp"

namespace og {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // `path` is relative to the site root, with '/' separators: "services/x/index.html".
  // Safe to call from several threads at once. Throws std::runtime_error on failure.
  virtual void write(std::string_view path, std::string_view bytes) = 0;
  // The same for bytes the caller no longer needs (a rendered page): a sink
  // may keep them instead of copying.
  virtual void write(std::string path, std::string&& bytes) { write(std::string_view(path), std::string_view(bytes)); }
  // The same for bytes something else keeps too (the preview server's
  // cache): a sink may keep a reference instead of a copy.
  virtual void write_shared(const std::string& path, const std::shared_ptr<const std::string>& bytes) {
    write(std::string_view(path), std::string_view(*bytes));
  }
  // A file too large to hold at once, written in pieces, in order: each
  // write_piece() adds to it (`first` starts it again) and end_pieces() ends
  // it. Only one thread writes a given file's pieces.
  virtual void write_piece(const std::string& path, std::string&& piece, bool first);
  virtual void end_pieces(const std::string& path);
  // Waits until everything written is where it belongs; throws what a
  // write failed with. Call it once, at the end.
  virtual void finish() {}

  std::size_t files() const { return files_.load(); }
  std::size_t bytes() const { return bytes_.load(); }

 protected:
  void count(std::size_t bytes, bool new_file = true) {
    if (new_file) files_.fetch_add(1, std::memory_order_relaxed);
    bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }

 private:
  std::atomic<std::size_t> files_{0};
  std::atomic<std::size_t> bytes_{0};
  std::mutex pieces_mutex_;
  std::map<std::string, std::string, std::less<>> pieces_;  // files being written in pieces
};

// Writes to disk on threads of their own (kWriters), so that rendering goes
// on while the disk is busy: creating a folder and a file is most of a page's
// cost on the disk, and two writers create them side by side. A file's pieces
// all go to the same writer, in order. A thread with a page waits while its
// writer's queue holds `queue_bytes` (kQueueBytes unless a test says so; the
// batch being written aside), so a slow disk cannot make the queues hold the site.
//
// Given an earlier build's files (StagedDirectory::earlier_build()), it
// writes over them: a file whose bytes are the same is not written again
// (only its time is set), others are overwritten in place, and
// remove_unwritten() removes what this build did not write
// (write/existing_tree.hpp).
class DiskOutput : public OutputSink {
 public:
  explicit DiskOutput(std::filesystem::path root, std::shared_future<ExistingTree> earlier = {},
                      std::size_t queue_bytes = kQueueBytes);
  ~DiskOutput() override;
  void write(std::string_view path, std::string_view bytes) override;
  void write(std::string path, std::string&& bytes) override;
  // Pieces go through the queue like pages, each added to the file.
  void write_piece(const std::string& path, std::string&& piece, bool first) override;
  void end_pieces(const std::string& path) override;
  void finish() override;
  // Over an earlier build: finish(), then remove the files it had that this
  // build did not write (nor are in `keep`), and the folders left empty.
  // Returns how many files.
  std::size_t remove_unwritten(const std::vector<std::string>& keep = {});

  static constexpr std::size_t kWriters = 2;
  static constexpr std::size_t kQueueBytes = 2 << 20;
  // A writer with nothing to do sleeps until its queue holds this many files
  // or bytes (or a thread waits for room, or finish() is called).
  static constexpr std::size_t kWakeItems = 64;
  static constexpr std::size_t kWakeBytes = 512 << 10;

 private:
  enum class Part : unsigned char { whole, first, next, end };  // of a file written in pieces, or all of it
  struct Queued {
    std::string path, bytes;
    Part part = Part::whole;
  };
  // One writer and its queue. The writer and the threads that queue pages
  // wake each other only when the other is waiting.
  struct Lane {
    std::mutex mutex;
    std::condition_variable work;  // the writer waits for pages
    std::condition_variable room;  // threads with pages wait for room in the queue
    bool writer_waiting = false;
    int producers_waiting = 0;
    std::deque<Queued> queue;
    std::size_t queued_bytes = 0;
    bool closing = false;
    std::thread thread;
    // The writer's own: where each file being written in pieces has got to,
    // and, over a previous build, every file written.
    std::map<std::string, std::size_t, std::less<>> piece_ends;
    std::vector<std::string> written;
  };
  void enqueue(Queued item);
  void write_now(Lane& lane, const Queued& item);
  void write_new(const std::filesystem::path& file, const Queued& item);
  std::size_t write_over(const std::filesystem::path& file, const Queued& item, std::size_t offset);
  void run(Lane& lane);
  void fail(std::exception_ptr error);

  std::filesystem::path root_;
  const std::size_t queue_bytes_;
  // Over an earlier build, what it held, listed before anything is written.
  std::shared_future<ExistingTree> before_;
  std::atomic<bool> failed_{false};
  std::mutex failure_mutex_;
  std::exception_ptr failure_;
  std::mutex finish_mutex_;
  bool finished_ = false;
  Lane lanes_[kWriters];
};

class MemoryOutput : public OutputSink {
 public:
  using OutputSink::write;
  void write(std::string_view path, std::string_view bytes) override;
  // Safe once writing has finished.
  const std::map<std::string, std::string, std::less<>>& contents() const { return files_; }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string, std::less<>> files_;
};

// Throws away everything (offergen check).
class NullOutput : public OutputSink {
 public:
  using OutputSink::write;
  void write(std::string_view, std::string_view bytes) override { count(bytes.size()); }
};

}  // namespace og
