// libFuzzer target: the AHP/MCDA table path of `clustershift mcda`: a CSV table parsed with the
// shared reader, its cells through mcda::parseNumber (fractions), then weights (direct, entropy,
// CRITIC, AHP on the square part) and aggregation (WLC, WPM, TOPSIS) with robustness draws.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "clustershift/error.h"
#include "clustershift/feedback.h"
#include "clustershift/mcda.h"
#include "clustershift/table.h"

namespace cs = clustershift;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const unsigned choice = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const std::vector<cs::CsvRecord> records = cs::splitCsv(text, "fuzz.csv");
    if (records.size() < 2 || records[0].cells.size() < 2 || records[0].cells.size() > 16) return 0;
    cs::throwIfFatal(cs::raggedRows(records, "fuzz.csv"));
    const std::size_t m = records[0].cells.size() - 1;
    std::vector<std::string> names(records[0].cells.begin() + 1, records[0].cells.end());
    cs::mcda::Matrix raw;
    for (std::size_t r = 1; r < records.size() && r <= 64; ++r) {
      std::vector<double> row;
      for (std::size_t j = 1; j <= m; ++j) {
        const std::string& cell = records[r].cells[j];
        row.push_back(cell.empty() ? std::nan("") : cs::mcda::parseNumber(cell, "fuzz"));
      }
      raw.push_back(std::move(row));
    }
    std::vector<cs::mcda::CriterionSetup> setups(m);
    for (std::size_t j = 0; j < m; ++j) {
      setups[j].id = names[j];
      setups[j].direction = (choice >> (j % 8)) & 1 ? cs::Direction::Cost : cs::Direction::Benefit;
      setups[j].valueFunction.type = (choice & 0x30) == 0x10   ? "vector"
                                     : (choice & 0x30) == 0x20 ? "none"
                                                               : "minmax";
      setups[j].weight = 1.0 + static_cast<double>(j);
    }
    cs::Weighting weighting;
    const char* weightings[] = {"direct", "entropy", "critic", "ahp"};
    weighting.method = weightings[choice % 4];
    if (weighting.method == "ahp") {
      if (raw.size() < m) return 0;
      weighting.matrix.assign(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(m));
    }
    const char* methods[] = {"wlc", "wpm", "topsis"};
    const char* missing[] = {"exclude", "worst", "mean"};
    cs::Uncertainty uncertainty;
    uncertainty.draws = (choice & 0x40) ? 20 : 0;
    uncertainty.k = 2;
    cs::Feedback feedback;
    (void)cs::mcda::decide(raw, setups, weighting, methods[(choice / 4) % 3], uncertainty, feedback,
                           missing[(choice / 12) % 3]);
  } catch (const cs::Error&) {
  }
  return 0;
}
