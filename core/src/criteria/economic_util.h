#pragma once
// Helpers shared by the economic criteria (relatedness, industrial_base, supply_chain,
// absorptive_capacity, market_access): required tables, the cluster's industry, params.
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/indices.h"

namespace clustershift::detail {

/// Label of the industry-output table for messages ("industry_output.csv").
std::string industryOutputLabel(const CriterionContext& context);
/// Label of the IO table for messages ("io_table.csv").
std::string ioTableLabel(const CriterionContext& context);

/// Problems when the industry-output table is absent ("relatedness: scenario
/// data.industry_output is required") or lacks the cluster's industry column.
void checkIndustryOutput(const CriterionContext& context, const std::string& criterion,
                         std::vector<Problem>& problems);
/// check() of a criterion over the industry-output table alone: checkIndustryOutput(), then,
/// when that finds nothing, requireSomeValue() (criterion_util.h).
std::vector<Problem> checkIndustryCriterion(const Criterion& criterion, const CriterionContext& context,
                                            const nlohmann::json& params);
/// The same for the input-output table (data.io_table) and the industry's sector in it.
void checkIoTable(const CriterionContext& context, const std::string& criterion,
                  std::vector<Problem>& problems);

/// Throws InputError with the first fatal problem of checkIndustryOutput; returns the table.
const IndustryMatrix& requireIndustryOutput(const CriterionContext& context,
                                            const std::string& criterion);
/// Throws InputError with the first fatal problem of checkIoTable; returns the table.
const IoTable& requireIoTable(const CriterionContext& context, const std::string& criterion);

/// One raw value per park from its host region's row of the table: value(park, row) where the
/// host region has a row; NaN, with a warning through feedback, where the park is outside
/// every region or its region has no row.
std::vector<double> valuesByHostRow(const CriterionContext& context, const std::string& criterion,
                                    const IndustryMatrix& table,
                                    const std::function<double(int park, int row)>& value);

/// Region × industry matrix with every value checked: negative → InputError naming the
/// table, region and industry; missing cells → 0 with one warning when fillMissing, kept as
/// NaN otherwise.
Eigen::MatrixXd checkedOutputMatrix(const CriterionContext& context, const std::string& criterion,
                                    const IndustryMatrix& table, bool fillMissing);

}  // namespace clustershift::detail
