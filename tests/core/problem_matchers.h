#pragma once
// Matching collected Problems by their full text and severity, for the loader and validation tests.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "clustershift/error.h"

namespace clustershift::testing {

/// Every problem on its own line, "F " (fatal) or "W " (warning) first: the failure message.
inline std::string allText(const std::vector<Problem>& problems) {
  std::string text;
  for (const Problem& p : problems) {
    text += (p.severity == Severity::Fatal ? "F " : "W ") + p.text() + "\n";
  }
  return text;
}

/// The problem whose text() is exactly `text`, or nullptr.
inline const Problem* findProblem(const std::vector<Problem>& problems, const std::string& text) {
  for (const Problem& p : problems) {
    if (p.text() == text) return &p;
  }
  return nullptr;
}

}  // namespace clustershift::testing

/// Expects a problem with exactly this text and severity; lists all problems when it is missing.
#define EXPECT_PROBLEM(problems, severity_, text)                                                   \
  do {                                                                                              \
    const ::clustershift::Problem* found_ = ::clustershift::testing::findProblem(problems, text);   \
    EXPECT_TRUE(found_) << "expected: " << (text) << "\ngot:\n"                                     \
                        << ::clustershift::testing::allText(problems);                              \
    if (found_) {                                                                                   \
      EXPECT_EQ(found_->severity, severity_) << (text);                                             \
    }                                                                                               \
  } while (0)
