#include "core/parallel.hpp"

#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace og {

namespace {

// Threads kept for parallel_for_workers(): started the first time they are
// needed, asleep between calls. A thread just started runs, on some
// machines, on the processor of the thread that started it, taking turns
// with it for tens of milliseconds while another processor idles (seen on
// this project's 2-core VMs: bench/README.md, "Preview"); a sleeping thread
// that is woken is placed on an idle processor. The preview server's
// rebuilds last about that long, so this is the difference between using
// one core and two.
//
// The pool is never destroyed (its threads wait until the process ends), so
// a parallel_for made while the program exits cannot meet a pool that is
// gone. Its threads take no signals, and they run at the priority of the
// thread that first needed them (the main thread, in offergen's commands).
class WorkerPool {
 public:
  static WorkerPool& instance() {
    static WorkerPool* pool = new WorkerPool;
    return *pool;
  }

  // Runs task(1) .. task(helpers) on pool threads while the caller runs
  // task(0), and returns when all have returned. False (nothing run) when
  // the pool is already in use: by another thread, or by this one (a task
  // that calls parallel_for).
  bool run(unsigned helpers, const std::function<void(unsigned)>& task) {
    if (inside_) return false;
    std::unique_lock<std::mutex> busy(busy_, std::try_to_lock);
    if (!busy.owns_lock()) return false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (threads_.size() < helpers) {
        sigset_t all, before;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &before);  // the new threads inherit it
        while (threads_.size() < helpers) {
          const unsigned worker = static_cast<unsigned>(threads_.size()) + 1;
          threads_.emplace_back([this, worker] { serve(worker); });
        }
        pthread_sigmask(SIG_SETMASK, &before, nullptr);
      }
      task_ = &task;
      helpers_ = helpers;
      running_ = helpers;
      ++round_;
    }
    wake_.notify_all();
    inside_ = true;
    task(0);
    inside_ = false;
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [&] { return running_ == 0; });
    task_ = nullptr;
    return true;
  }

 private:
  WorkerPool() = default;

  void serve(unsigned worker) {
    inside_ = true;
    std::uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return round_ != seen && worker <= helpers_; });
      seen = round_;
      const auto* task = task_;
      lock.unlock();
      (*task)(worker);  // the task catches its own exceptions
      lock.lock();
      if (--running_ == 0) done_.notify_one();
    }
  }

  std::mutex busy_;   // held by the caller of run() for the whole call
  std::mutex mutex_;  // guards what follows
  std::condition_variable wake_, done_;
  std::vector<std::thread> threads_;  // threads_[k] is worker k + 1
  const std::function<void(unsigned)>* task_ = nullptr;
  unsigned helpers_ = 0;  // workers 1 .. helpers_ take part in this round
  unsigned running_ = 0;  // of those, the ones not finished
  std::uint64_t round_ = 0;
  // Whether this thread is running a task of the pool's (a pool thread, or
  // a caller in task(0)).
  static thread_local bool inside_;
};

thread_local bool WorkerPool::inside_ = false;

}  // namespace

unsigned default_jobs() {
  return std::max(1u, std::thread::hardware_concurrency());
}

void parallel_for_workers(std::size_t n, unsigned jobs, const std::function<void(std::size_t, unsigned)>& fn) {
  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(std::max(1u, jobs), n));
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(i, 0);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  const std::function<void(unsigned)> worker = [&](unsigned w) {
    for (;;) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= n) return;
      try {
        fn(i, w);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next.store(n);  // stop handing out work
      }
    }
  };
  if (!WorkerPool::instance().run(threads - 1, worker)) {
    // The pool is in use (a parallel_for inside another, or two threads at
    // once): threads of this call's own.
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker, t);
    worker(0);
    for (auto& t : pool) t.join();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace og
