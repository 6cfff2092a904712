// libFuzzer target: the scenario parser (JSON text -> parseScenario), as loadScenario reads a file.
// Every input must end in a clustershift::Error or a Scenario; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "clustershift/error.h"
#include "clustershift/scenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::exception&) {
    return 0;  // readJsonFile turns these into InputError
  }
  try {
    const clustershift::Scenario s = clustershift::parseScenario(j, "/nonexistent-fuzz-base");
    (void)clustershift::toJson(s);
  } catch (const clustershift::Error&) {
  }
  return 0;
}
