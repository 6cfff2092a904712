// util::runOnThreads / threadCount: every worker runs once, all are joined, an exception comes back.
#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "clustershift/util.h"

namespace clustershift::util {
namespace {

TEST(RunOnThreads, EveryWorkerRunsOnceTheFirstOnTheCallingThread) {
  std::vector<int> runs(4, 0);
  std::thread::id first;
  runOnThreads(4, [&](unsigned t) {
    ++runs[t];
    if (t == 0) first = std::this_thread::get_id();
  });
  EXPECT_EQ(runs, (std::vector<int>{1, 1, 1, 1}));
  EXPECT_EQ(first, std::this_thread::get_id());
  int once = 0;
  runOnThreads(0, [&](unsigned) { ++once; });  // no worker asked: still one
  EXPECT_EQ(once, 1);
}

TEST(RunOnThreads, AWorkersExceptionReachesTheCallerAfterEveryWorkerFinished) {
  std::atomic<int> finished{0};
  try {
    runOnThreads(3, [&](unsigned t) {
      if (t == 2) throw std::runtime_error("worker 2");
      if (t == 1) throw std::runtime_error("worker 1");
      ++finished;
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "worker 1");  // the lowest worker's
  }
  EXPECT_EQ(finished.load(), 1);
}

TEST(ThreadCount, AskedForOrOnePerCore) {
  EXPECT_EQ(threadCount(3), 3u);
  EXPECT_GE(threadCount(0), 1u);
  EXPECT_EQ(threadCount(-1), threadCount(0));
}

}  // namespace
}  // namespace clustershift::util
