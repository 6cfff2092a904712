// The criteria of a run computed two at a time (detail::computeCriteria): side by side for
// real, each one's warnings and error kept for the run to pass on in scenario order, no new
// criterion after an error, cancellation reaching every criterion.
#include "pipeline/criteria_lanes.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <stdexcept>
#include <thread>

#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/scenario.h"

namespace clustershift::detail {
namespace {

/// A criterion whose compute() is the given function.
class Scripted final : public DescribedCriterion {
 public:
  using Body = std::function<std::vector<double>(const CriterionContext&)>;
  Scripted(const std::string& id, Body body)
      : DescribedCriterion({id, id, id, "", Direction::Benefit}), m_body(std::move(body)) {}
  std::vector<double> compute(const CriterionContext& context, const nlohmann::json&) const override {
    return m_body(context);
  }

 private:
  Body m_body;
};

/// Waits (at most 10 s) until done() holds; whether it does.
bool waitUntil(const std::function<bool()>& done) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!done() && std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return done();
}

/// Waits (at most 10 s) until `flag` is set; true when it was.
bool waitFor(const std::atomic<bool>& flag) {
  return waitUntil([&] { return flag.load(); });
}

/// A compute() that waits for `flag`, then throws InputError("<id>: bad input").
Scripted::Body failsAfter(const std::atomic<bool>& flag, const std::string& id) {
  return [&flag, id](const CriterionContext&) -> std::vector<double> {
    waitFor(flag);
    throw InputError(id + ": bad input");
  };
}

Problem warning(const std::string& text) { return Problem{Severity::Warning, "parks", text, ""}; }

struct Fixture {
  Scenario scenario;
  Inputs inputs;
  Feedback feedback;
  CriterionContext context{scenario, inputs, -1, 0.0, 0.0, feedback};
  std::vector<std::unique_ptr<Criterion>> criteria;
  std::vector<nlohmann::json> params;
  void add(const std::string& id, Scripted::Body body) {
    criteria.push_back(std::make_unique<Scripted>(id, std::move(body)));
    params.push_back(nlohmann::json::object());
  }
};

TEST(CriteriaLanes, TwoCriteriaRunAtTheSameTime) {
  // Each waits until the other has started: one after the other, the first would wait in vain.
  Fixture f;
  std::atomic<bool> aStarted{false}, bStarted{false}, aSawB{false}, bSawA{false};
  f.add("a", [&](const CriterionContext&) {
    aStarted = true;
    aSawB = waitFor(bStarted);
    return std::vector<double>{1.0};
  });
  f.add("b", [&](const CriterionContext&) {
    bStarted = true;
    bSawA = waitFor(aStarted);
    return std::vector<double>{2.0};
  });
  const std::vector<ComputedCriterion> computed = computeCriteria(f.criteria, f.params, f.context, 2);
  EXPECT_TRUE(aSawB);
  EXPECT_TRUE(bSawA);
  ASSERT_EQ(computed.size(), 2u);
  EXPECT_EQ(computed[0].values, std::vector<double>{1.0});
  EXPECT_EQ(computed[1].values, std::vector<double>{2.0});
  EXPECT_GT(computed[0].seconds, 0.0);
}

TEST(CriteriaLanes, WarningsAreHeldPerCriterionNotGivenToTheRunsFeedback) {
  // b warns while a is still computing; a warns after: each keeps its own, in its own order.
  Fixture f;
  std::atomic<bool> bWarned{false};
  f.add("a", [&](const CriterionContext& c) {
    waitFor(bWarned);
    c.feedback.warn(warning("a: first"));
    c.feedback.warn(warning("a: second"));
    return std::vector<double>{1.0};
  });
  f.add("b", [&](const CriterionContext& c) {
    c.feedback.warn(warning("b: only"));
    bWarned = true;
    return std::vector<double>{2.0};
  });
  const std::vector<ComputedCriterion> computed = computeCriteria(f.criteria, f.params, f.context, 2);
  ASSERT_EQ(computed[0].warnings.size(), 2u);
  EXPECT_EQ(computed[0].warnings[0].message, "a: first");
  EXPECT_EQ(computed[0].warnings[1].message, "a: second");
  ASSERT_EQ(computed[1].warnings.size(), 1u);
  EXPECT_EQ(computed[1].warnings[0].message, "b: only");
  EXPECT_TRUE(f.feedback.warnings().empty());
}

TEST(CriteriaLanes, EachErrorIsKeptAndNoCriterionStartsAfterOne) {
  // a fails late, b at once; c, after both in scenario order, is never started.
  Fixture f;
  std::atomic<bool> bFailed{false}, cStarted{false};
  f.add("a", failsAfter(bFailed, "a"));
  f.add("b", [&](const CriterionContext&) -> std::vector<double> {
    bFailed = true;
    throw std::runtime_error("b: broken");
  });
  f.add("c", [&](const CriterionContext&) {
    cStarted = true;
    return std::vector<double>{3.0};
  });
  const std::vector<ComputedCriterion> computed = computeCriteria(f.criteria, f.params, f.context, 2);
  ASSERT_TRUE(computed[0].error);
  EXPECT_THROW(std::rethrow_exception(computed[0].error), InputError);
  ASSERT_TRUE(computed[1].error);
  EXPECT_THROW(std::rethrow_exception(computed[1].error), std::runtime_error);
  EXPECT_FALSE(cStarted);
  EXPECT_FALSE(computed[2].error);
  EXPECT_TRUE(computed[2].values.empty());
}

TEST(CriteriaLanes, AFailureCancelsALaterCriterionStillRunning) {
  // x fails once y runs; y, after it in scenario order, sees the cancel and stops.
  Fixture f;
  std::atomic<bool> yStarted{false}, ySawCancel{false};
  f.add("x", failsAfter(yStarted, "x"));
  f.add("y", [&](const CriterionContext& c) {
    yStarted = true;
    ySawCancel = waitUntil([&] { return c.feedback.isCanceled(); });
    c.feedback.checkCanceled();
    return std::vector<double>{2.0};
  });
  const std::vector<ComputedCriterion> computed = computeCriteria(f.criteria, f.params, f.context, 2);
  EXPECT_TRUE(ySawCancel);
  ASSERT_TRUE(computed[0].error);
  EXPECT_THROW(std::rethrow_exception(computed[0].error), InputError);
  ASSERT_TRUE(computed[1].error);
  EXPECT_THROW(std::rethrow_exception(computed[1].error), Cancelled);
  EXPECT_FALSE(f.feedback.isCanceled());  // the run itself is not cancelled
}

TEST(CriteriaLanes, AFailureDoesNotCancelAnEarlierCriterion) {
  // e, before the failing f in scenario order, still counts: it is not cancelled and its values stay.
  Fixture f;
  std::atomic<bool> fFailed{false}, eCancelled{true};
  f.add("e", [&](const CriterionContext& c) {
    waitFor(fFailed);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // f's lane records its failure
    eCancelled = c.feedback.isCanceled();
    return std::vector<double>{1.0};
  });
  f.add("f", [&](const CriterionContext&) -> std::vector<double> {
    fFailed = true;
    throw InputError("f: bad input");
  });
  const std::vector<ComputedCriterion> computed = computeCriteria(f.criteria, f.params, f.context, 2);
  EXPECT_FALSE(eCancelled);
  EXPECT_FALSE(computed[0].error);
  EXPECT_EQ(computed[0].values, std::vector<double>{1.0});
  ASSERT_TRUE(computed[1].error);
}

TEST(CriteriaLanes, ACancelledRunCancelsEveryCriterion) {
  Fixture f;
  f.feedback.cancel();
  std::atomic<int> computedCount{0};
  for (const char* id : {"a", "b"})
    f.add(id, [&](const CriterionContext&) {
      ++computedCount;
      return std::vector<double>{1.0};
    });
  const std::vector<ComputedCriterion> computed = computeCriteria(f.criteria, f.params, f.context, 2);
  EXPECT_EQ(computedCount, 0);
  ASSERT_TRUE(computed[0].error);
  EXPECT_THROW(std::rethrow_exception(computed[0].error), Cancelled);
}

TEST(CriteriaLanes, OneLaneComputesThemInOrder) {
  Fixture f;
  std::vector<std::string> order;
  for (const char* id : {"a", "b", "c"})
    f.add(id, [&order, id](const CriterionContext&) {
      order.emplace_back(id);
      return std::vector<double>{};
    });
  computeCriteria(f.criteria, f.params, f.context, 1);
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c"}));
}

}  // namespace
}  // namespace clustershift::detail
