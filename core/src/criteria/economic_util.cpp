#include "criteria/economic_util.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "clustershift/indices.h"
#include "criteria/criterion_util.h"
#include "clustershift/util.h"

namespace clustershift::detail {

namespace {

std::string baseName(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Problem fatal(const std::string& message, const std::string& code,
              std::map<std::string, std::string> values) {
  return codedProblem(Severity::Fatal, "", message, {}, code, std::move(values));
}

/// "<criterion>: scenario data.<table> is required".
Problem tableRequired(const std::string& criterion, const std::string& table) {
  return fatal(criterion + ": scenario data." + table + " is required", "table_required",
               {{"criterion", criterion}, {"table", table}});
}

/// "<criterion>: cluster industry '<industry>' is not a <part> of <label>" (part: column, sector).
Problem industryNotInTable(const std::string& criterion, const std::string& industry, const std::string& part,
                           const std::string& label) {
  return fatal(criterion + ": cluster industry '" + industry + "' is not a " + part + " of " + label,
               "industry_not_in_table", {{"criterion", criterion}, {"industry", industry}, {"table", label}});
}

void throwFirst(const std::vector<Problem>& problems) {
  for (const auto& p : problems)
    if (p.severity == Severity::Fatal) throw InputError(p.text());
}

}  // namespace

std::string industryOutputLabel(const CriterionContext& context) {
  const auto& source = context.scenario.data.industryOutput;
  return source && !source->path.empty() ? baseName(source->path) : std::string("industry_output");
}

std::string ioTableLabel(const CriterionContext& context) {
  const auto& source = context.scenario.data.ioTable;
  return source && !source->path.empty() ? baseName(source->path) : std::string("io_table");
}

void checkIndustryOutput(const CriterionContext& context, const std::string& criterion,
                         std::vector<Problem>& problems) {
  if (!context.inputs.industryOutput) {
    problems.push_back(tableRequired(criterion, "industry_output"));
    return;
  }
  const std::string& industry = context.scenario.cluster.industry;
  if (industry.empty()) {
    problems.push_back(fatal(criterion + ": the cluster profile has no industry code",
                             "cluster_without_industry", {{"criterion", criterion}}));
    return;
  }
  if (context.inputs.industryOutput->industryIndex(industry) < 0)
    problems.push_back(industryNotInTable(criterion, industry, "column", industryOutputLabel(context)));
}

void checkIoTable(const CriterionContext& context, const std::string& criterion,
                  std::vector<Problem>& problems) {
  if (!context.inputs.ioTable) {
    problems.push_back(tableRequired(criterion, "io_table"));
    return;
  }
  const std::string& industry = context.scenario.cluster.industry;
  const auto& sectors = context.inputs.ioTable->sectors;
  if (!industry.empty() && std::find(sectors.begin(), sectors.end(), industry) == sectors.end())
    problems.push_back(industryNotInTable(criterion, industry, "sector", ioTableLabel(context)));
}

std::vector<Problem> checkIndustryCriterion(const Criterion& criterion, const CriterionContext& context,
                                            const nlohmann::json& params) {
  std::vector<Problem> problems;
  checkIndustryOutput(context, criterion.id(), problems);
  if (problems.empty()) requireSomeValue(criterion, context, params, problems);
  return problems;
}

const IndustryMatrix& requireIndustryOutput(const CriterionContext& context,
                                            const std::string& criterion) {
  std::vector<Problem> problems;
  checkIndustryOutput(context, criterion, problems);
  throwFirst(problems);
  return *context.inputs.industryOutput;
}

const IoTable& requireIoTable(const CriterionContext& context, const std::string& criterion) {
  std::vector<Problem> problems;
  checkIoTable(context, criterion, problems);
  throwFirst(problems);
  return *context.inputs.ioTable;
}

namespace {
/// Row of the park's host region (rowOfRegion from IndustryMatrix::rowsOf); -1 with a warning
/// when the park is outside every region or its region has no row.
int hostIndustryRow(const CriterionContext& context, const std::string& criterion, int park,
                    const std::vector<int>& rowOfRegion) {
  const Region* host = hostRegion(context, criterion, park);
  if (!host) return -1;
  const int row = rowOfRegion.at(static_cast<std::size_t>(host - context.inputs.regions.data()));
  if (row < 0)
    warnPark(context, park,
             criterion + ": host region '" + host->id + "' has no row in " + industryOutputLabel(context),
             "host_without_row",
             {{"criterion", criterion}, {"region", host->id}, {"table", industryOutputLabel(context)}});
  return row;
}
}  // namespace

std::vector<double> valuesByHostRow(const CriterionContext& context, const std::string& criterion,
                                    const IndustryMatrix& table,
                                    const std::function<double(int park, int row)>& value) {
  const std::vector<int> rowOfRegion = table.rowsOf(context.inputs.regions);
  std::vector<double> raw(context.inputs.parks.size(), kNaN);
  for (std::size_t p = 0; p < raw.size(); ++p) {
    const int row = hostIndustryRow(context, criterion, static_cast<int>(p), rowOfRegion);
    if (row >= 0) raw[p] = value(static_cast<int>(p), row);
  }
  return raw;
}

Eigen::MatrixXd checkedOutputMatrix(const CriterionContext& context, const std::string& criterion,
                                    const IndustryMatrix& table, bool fillMissing) {
  Eigen::MatrixXd x = toMatrix(table);
  int missing = 0;
  std::string firstMissing;
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    for (Eigen::Index c = 0; c < x.cols(); ++c) {
      const double v = x(r, c);
      const std::string where = industryOutputLabel(context) + " region '" +
                                table.regionIds[static_cast<std::size_t>(r)] + "', industry '" +
                                table.industries[static_cast<std::size_t>(c)] + "'";
      if (std::isnan(v)) {
        if (missing++ == 0) firstMissing = where;
        if (fillMissing) x(r, c) = 0;
      } else if (v < 0) {
        throw InputError(criterion + ": " + where + ": output is negative (" + util::formatNumber(v) + ")");
      }
    }
  }
  if (missing > 0 && fillMissing)
    context.feedback.warn(codedProblem(
        Severity::Warning, industryOutputLabel(context),
        criterion + ": " + std::to_string(missing) + " empty cell(s) counted as 0 (first: " + firstMissing +
            ")",
        {}, "empty_cells_as_zero",
        {{"criterion", criterion}, {"count", std::to_string(missing)}, {"first", firstMissing}}));
  return x;
}

}  // namespace clustershift::detail
