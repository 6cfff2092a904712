// Indirect effects at the host: type-I output and employment multipliers of the national
// technical-coefficient table regionalised with Flegg's FLQ (Flegg & Webber 1997, Regional
// Studies 31(8):795–805; Miller & Blair 2009, ch. 2 and §8.3). Leontief and FLQ come from
// indices.h; this file builds the regional sector sizes and reads the multipliers off L.
#include <algorithm>
#include <map>
#include <cmath>

#include "clustershift/effects.h"
#include "clustershift/indices.h"

namespace clustershift {
namespace {

double nonNegative(double v) { return std::isfinite(v) && v > 0 ? v : 0.0; }

void warn(Feedback& feedback, const std::string& message, std::string code,
          std::map<std::string, std::string> values = {}) {
  feedback.warn(codedProblem(Severity::Warning, "effects", message, "", std::move(code), std::move(values)));
}

}  // namespace

int broadSectorOf(const std::string& ioSector) {
  if (ioSector == "A") return 1;
  if (ioSector == "S") return 3;
  return 2;
}

std::vector<double> ioSectorSizes(const Inputs& inputs, int regionIndex) {
  std::vector<double> sizes;
  if (!inputs.ioTable) return sizes;
  const auto& sectors = inputs.ioTable->sectors;
  sizes.assign(sectors.size(), 0.0);
  // One region: one name lookup; every region: one hash lookup each (rowsOf).
  std::vector<int> rowOfRegion(inputs.regions.size(), -1);
  if (inputs.industryOutput) {
    if (regionIndex >= 0)
      rowOfRegion[static_cast<std::size_t>(regionIndex)] =
          inputs.industryOutput->regionIndex(inputs.regions[static_cast<std::size_t>(regionIndex)].id);
    else
      rowOfRegion = inputs.industryOutput->rowsOf(inputs.regions);
  }
  std::vector<int> columnOfSector(sectors.size(), -1);
  if (inputs.industryOutput)
    for (std::size_t i = 0; i < sectors.size(); ++i)
      columnOfSector[i] = inputs.industryOutput->industryIndex(sectors[i]);
  auto addRegion = [&](int r) {
    const Region& region = inputs.regions[static_cast<std::size_t>(r)];
    const int row = rowOfRegion[static_cast<std::size_t>(r)];
    for (std::size_t i = 0; i < sectors.size(); ++i) {
      const std::string& s = sectors[i];
      const int column = columnOfSector[i];
      if (column >= 0) {
        // Manufacturing: gross output from the industry-output table.
        if (row >= 0)
          sizes[i] += nonNegative(
              inputs.industryOutput->values[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)]);
        continue;
      }
      // Documented approximation: A ∝ y1, S ∝ y3, every other sector (B, D, E, manufacturing
      // absent from the table) ∝ y2 / 3.
      switch (broadSectorOf(s)) {
        case 1:
          sizes[i] += nonNegative(region.value("y1"));
          break;
        case 3:
          sizes[i] += nonNegative(region.value("y3"));
          break;
        default:
          sizes[i] += nonNegative(region.value("y2")) / 3.0;
          break;
      }
    }
  };
  if (regionIndex >= 0) {
    addRegion(regionIndex);
  } else if (inputs.ioTable->nationalOutput.size() == sectors.size()) {
    // National totals given with the IO table (Flegg & Webber 1997 regionalise against the nation).
    for (std::size_t i = 0; i < sectors.size(); ++i) sizes[i] = nonNegative(inputs.ioTable->nationalOutput[i]);
  } else {
    for (std::size_t r = 0; r < inputs.regions.size(); ++r) addRegion(static_cast<int>(r));
  }
  return sizes;
}

IoMultipliers regionMultipliers(const Inputs& inputs, int regionIndex, const std::string& industry,
                                double flqDelta, Feedback& feedback, double addedOutputYuan100m,
                                const std::vector<double>* nationalSizes) {
  IoMultipliers m;
  m.sector = industry;
  if (!inputs.ioTable) {
    warn(feedback, "no input-output table: indirect effects left out (multipliers 1)", "no_io_table");
    return m;
  }
  const IoTable& table = *inputs.ioTable;
  const auto it = std::find(table.sectors.begin(), table.sectors.end(), industry);
  if (it == table.sectors.end()) {
    warn(feedback,
         "industry '" + industry + "' is not a sector of the input-output table: indirect effects left out",
         "industry_not_io_sector", {{"industry", industry}});
    return m;
  }
  const Eigen::Index j = it - table.sectors.begin();
  const Eigen::Index n = static_cast<Eigen::Index>(table.sectors.size());
  const Region& host = inputs.regions.at(static_cast<std::size_t>(regionIndex));
  if (table.nationalOutput.size() != table.sectors.size())
    warn(feedback,
         "the input-output table has no 'national_output' column: the FLQ uses the study area's totals as "
         "the nation, which overstates regional self-sufficiency",
         "io_without_national_output");

  std::vector<double> regional = ioSectorSizes(inputs, regionIndex);
  std::vector<double> national = nationalSizes ? *nationalSizes : ioSectorSizes(inputs, -1);
  regional[static_cast<std::size_t>(j)] += std::max(0.0, addedOutputYuan100m);
  national[static_cast<std::size_t>(j)] += std::max(0.0, addedOutputYuan100m);
  Eigen::VectorXd re = Eigen::Map<Eigen::VectorXd>(regional.data(), n);
  Eigen::VectorXd ne = Eigen::Map<Eigen::VectorXd>(national.data(), n);
  if (re.sum() <= 0 || ne.sum() <= 0) {
    warn(feedback, "region '" + host.id + "' has no sector sizes: indirect effects left out",
         "region_without_sector_sizes", {{"region", host.id}});
    return m;
  }

  const Eigen::MatrixXd a = toMatrix(table);
  const Eigen::MatrixXd ar = flqRegionalise(a, re, ne, flqDelta);
  const Eigen::MatrixXd l = leontiefInverse(ar, table.sectors);
  m.flqLambda = flqLambda(re.sum(), ne.sum(), flqDelta);

  // VA per unit of output from the national table: v_i = 1 − Σ_k a_ki (imports ignored).
  // Jobs per unit of output: e_i = v_i · L_s/Y_s with the host's broad-sector labour per VA.
  std::array<double, 3> jobsPerVa{};
  for (int s = 0; s < 3; ++s) {
    const double y = host.value("y" + std::to_string(s + 1));
    const double lab = host.value("l" + std::to_string(s + 1));
    jobsPerVa[static_cast<std::size_t>(s)] = (y > 0 && lab >= 0) ? lab / y : 0.0;
  }
  Eigen::VectorXd va(n), e(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    va(i) = std::max(0.0, 1.0 - a.col(i).sum());
    const int s = broadSectorOf(table.sectors[static_cast<std::size_t>(i)]);
    e(i) = va(i) * jobsPerVa[static_cast<std::size_t>(s - 1)];
  }

  // Type-I multipliers of the buying sector j (Miller & Blair 2009, §6.2): output m_j = Σ_i L_ij,
  // employment Σ_i e_i L_ij / e_j.
  m.available = true;
  m.outputMultiplier = l.col(j).sum();
  m.employmentMultiplier = e(j) > 0 ? e.dot(l.col(j)) / e(j) : 1.0;
  for (Eigen::Index i = 0; i < n; ++i) {
    const double indirect = l(i, j) - (i == j ? 1.0 : 0.0);
    const auto s = static_cast<std::size_t>(broadSectorOf(table.sectors[static_cast<std::size_t>(i)]) - 1);
    m.indirectOutput[s] += indirect;
    m.indirectVa[s] += va(i) * indirect;
    m.indirectJobs[s] += e(i) * indirect;
  }
  return m;
}

}  // namespace clustershift
