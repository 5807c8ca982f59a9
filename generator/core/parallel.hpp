// Runs independent work items over a fixed number of threads.
#pragma once

#include <cstddef>
#include <functional>

namespace og {

// The number of threads to use when the user does not say: every core.
unsigned default_jobs();

// Calls fn(i, worker) for every i in [0, n) on up to `jobs` threads; `worker`
// (0 .. jobs-1) lets a caller keep per-thread state without locks. Items are
// handed out through one atomic counter, so there is no lock on the hot path.
// The first exception thrown by any item is rethrown after every thread has finished.
void parallel_for_workers(std::size_t n, unsigned jobs,
                          const std::function<void(std::size_t index, unsigned worker)>& fn);

inline void parallel_for(std::size_t n, unsigned jobs, const std::function<void(std::size_t)>& fn) {
  parallel_for_workers(n, jobs, [&](std::size_t i, unsigned) { fn(i); });
}

}  // namespace og
