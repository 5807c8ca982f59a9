#include <catch2/catch.hpp>

#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

using namespace og;

namespace {

long thread_id() {
  return static_cast<long>(::syscall(SYS_gettid));
}

}  // namespace

TEST_CASE("parallel_for_workers calls every item once, with workers below the number of jobs", "[parallel]") {
  for (const unsigned jobs : {1u, 2u, 4u}) {
    std::vector<std::atomic<int>> calls(1000);
    std::atomic<bool> worker_in_range{true};
    parallel_for_workers(calls.size(), jobs, [&](std::size_t i, unsigned worker) {
      ++calls[i];
      if (worker >= jobs) worker_in_range = false;
    });
    for (const auto& c : calls) REQUIRE(c.load() == 1);
    CHECK(worker_in_range.load());
  }
  parallel_for(0, 4, [](std::size_t) { FAIL("no items, no calls"); });
}

TEST_CASE("parallel_for keeps its threads between calls", "[parallel]") {
  // The preview server's rebuilds are short: a thread started for each one
  // can share the starting thread's core for most of it (core/parallel.cpp).
  auto helper_threads = [] {
    std::mutex mutex;
    std::condition_variable both;
    std::set<long> ids;
    const long caller = thread_id();
    parallel_for(64, 2, [&](std::size_t) {
      std::unique_lock<std::mutex> lock(mutex);
      ids.insert(thread_id());
      both.notify_all();
      // Each item waits (up to 10 s) for the other thread to take one, so
      // that a slow start of the helper on a busy machine cannot leave it
      // with none.
      both.wait_for(lock, std::chrono::seconds(10), [&] { return ids.size() >= 2; });
    });
    ids.erase(caller);
    return ids;
  };
  const std::set<long> first = helper_threads();
  const std::set<long> second = helper_threads();
  REQUIRE(first.size() == 1);
  CHECK(second == first);
}

TEST_CASE("parallel_for inside parallel_for, and from two threads at once", "[parallel]") {
  std::atomic<int> total{0};
  parallel_for(4, 2, [&](std::size_t) { parallel_for(100, 2, [&](std::size_t) { ++total; }); });
  CHECK(total.load() == 400);

  total = 0;
  std::vector<std::thread> callers;
  for (int t = 0; t < 3; ++t)
    callers.emplace_back([&] {
      for (int round = 0; round < 20; ++round) parallel_for(50, 2, [&](std::size_t) { ++total; });
    });
  for (auto& t : callers) t.join();
  CHECK(total.load() == 3 * 20 * 50);
}

TEST_CASE("an item's exception reaches the caller, and the threads work on", "[parallel]") {
  CHECK_THROWS_WITH(parallel_for(100, 2,
                                 [](std::size_t i) {
                                   if (i == 37) throw std::runtime_error("item 37");
                                 }),
                    "item 37");
  std::atomic<int> total{0};
  parallel_for(100, 2, [&](std::size_t) { ++total; });
  CHECK(total.load() == 100);
}
