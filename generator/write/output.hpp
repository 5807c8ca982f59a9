// The one place that writes output files. Every page, asset and document goes
// through an OutputSink: to disk for builds, to memory for tests and previews.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace og {

class OutputSink {
 public:
  virtual ~OutputSink() = default;
  // `path` is relative to the site root, with '/' separators: "services/x/index.html".
  // Safe to call from several threads at once. Throws std::runtime_error on failure.
  virtual void write(std::string_view path, std::string_view bytes) = 0;

  std::size_t files() const { return files_.load(); }
  std::size_t bytes() const { return bytes_.load(); }

 protected:
  void count(std::size_t bytes) {
    files_.fetch_add(1, std::memory_order_relaxed);
    bytes_.fetch_add(bytes, std::memory_order_relaxed);
  }

 private:
  std::atomic<std::size_t> files_{0};
  std::atomic<std::size_t> bytes_{0};
};

class DiskOutput : public OutputSink {
 public:
  explicit DiskOutput(std::filesystem::path root) : root_(std::move(root)) {}
  void write(std::string_view path, std::string_view bytes) override;

 private:
  std::filesystem::path root_;
};

class MemoryOutput : public OutputSink {
 public:
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
  void write(std::string_view, std::string_view bytes) override { count(bytes.size()); }
};

}  // namespace og
