#pragma once
// A test suite over one writeOutputs run: the fixture's inputs (fixtures.h) and the suite's
// results are written once, before the suite's first test, into the suite's own scratch folder.
#include "clustershift_layers/layers.h"  // first: see the note in layers.h
#include "fixtures.h"
#include "test_util.h"

#include <gtest/gtest.h>

#include <QString>
#include <QStringList>

#include <exception>
#include <optional>
#include <string>

namespace clustershift::layers::testing {

/// Base of a suite (CRTP): Suite declares, public,
///   static QString scratchName();                  its folder under the test sandbox (scratchDir)
///   static Results makeResults(const Inputs& in);  the results written for sampleInputs()
/// and may declare `static QStringList reportLanguages()` (default: none, so no PDF is written).
/// Every test of the suite fails, naming the exception, when writeOutputs threw.
template <class Suite>
class WrittenOutputsTest : public ::testing::Test {
 public:
  static QStringList reportLanguages() { return {}; }

 protected:
  static void SetUpTestSuite() {
    s_dir = scratchDir(Suite::scratchName());
    // An exception here would make gtest skip the suite silently: keep it and fail every test.
    try {
      s_inputs = sampleInputs();
      s_results = Suite::makeResults(*s_inputs);
      Feedback feedback;
      s_paths = writeOutputs(*s_inputs, *s_results, *s_dir, Suite::reportLanguages(), feedback);
    } catch (const std::exception& e) {
      s_error = e.what();
    }
  }
  static void TearDownTestSuite() {
    s_paths.reset();
    s_results.reset();
    s_inputs.reset();
    s_dir.reset();
    s_error.reset();
  }
  void SetUp() override { ASSERT_TRUE(s_paths) << "writeOutputs failed: " << s_error.value_or("?"); }

  static inline std::optional<QString> s_dir;
  static inline std::optional<Inputs> s_inputs;
  static inline std::optional<Results> s_results;
  static inline std::optional<OutputPaths> s_paths;
  static inline std::optional<std::string> s_error;
};

}  // namespace clustershift::layers::testing
