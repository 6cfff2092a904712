// Worker threads for the embarrassingly parallel loops (criteria on the grid, catchments, decay
// sums): one way to start them, join them and bring an exception back to the caller.
#include <algorithm>
#include <exception>
#include <thread>
#include <vector>

#include "clustershift/util.h"

namespace clustershift::util {

unsigned threadCount(int requested) {
  if (requested > 0) return static_cast<unsigned>(requested);
  return std::max(1u, std::thread::hardware_concurrency());
}

void runOnThreads(unsigned count, const std::function<void(unsigned t)>& work) {
  if (count == 0) count = 1;
  std::vector<std::exception_ptr> errors(count);
  auto guarded = [&](unsigned t) {
    try {
      work(t);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(count - 1);
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(guarded, t);
  guarded(0);
  for (std::thread& th : pool) th.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace clustershift::util
