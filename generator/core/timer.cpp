#include "core/timer.hpp"

namespace og {

void StageTimer::start(std::string stage) {
  stop();
  stages_.push_back({std::move(stage), 0});
  started_ = Clock::now();
  running_ = true;
}

void StageTimer::stop() {
  if (!running_) return;
  stages_.back().milliseconds =
      std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
  running_ = false;
}

double StageTimer::total_milliseconds() const {
  double total = 0;
  for (const auto& s : stages_) total += s.milliseconds;
  return total;
}

}  // namespace og
