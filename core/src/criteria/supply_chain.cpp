// supply_chain (配套能力): IO-weighted, capped location quotients of the cluster industry's
// input industries in the host region,
//   S_h = Σ_j a_ji · min(LQ_hj, cap) / Σ_j a_ji,
// over the input industries j of the cluster industry i (a_ji > 0 in the national
// technical-coefficient table) that are columns of the industry-output table (the others,
// e.g. agriculture or services, have no regional LQ and are left out of both sums).
// The cap (default 3) keeps one extreme specialisation from dominating. params: cap,
// include_own (default true: the industry's purchases from itself count).
#include "clustershift/criterion.h"
#include "clustershift/indices.h"
#include "clustershift/util.h"
#include "criteria/criterion_util.h"
#include "criteria/economic_util.h"

namespace clustershift {
namespace {

constexpr const char* kSupplyChainId = "supply_chain";

struct Params {
  double cap;
  bool includeOwn;
};

class SupplyChain : public DescribedCriterion {
 public:
  SupplyChain()
      : DescribedCriterion(
            {kSupplyChainId, "Supply-chain support", "配套能力", "weighted LQ", Direction::Benefit}) {}
  bool perRegion() const override { return true; }

  std::vector<ParamSpec> parameters() const override {
    return {
        ParamSpec::positive("cap", "LQ", 3.0,
                            "Cap on each input industry's location quotient, so one extreme "
                            "specialisation does not dominate.")
            .words("Cap on the location quotient", "区位商上限",
                   "每个投入产业区位商的上限，避免个别极端专业化主导结果。"),
        ParamSpec::boolean("include_own", true,
                           "Whether the cluster industry's purchases from itself count as an input industry.")
            .words("Count the industry's own purchases", "计入本产业自身的投入",
                   "集群产业向本产业的采购是否作为一个投入产业计入。")};
  }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    detail::checkIndustryOutput(context, kSupplyChainId, problems);
    detail::checkIoTable(context, kSupplyChainId, problems);
    if (problems.empty()) detail::requireSomeValue(*this, context, params, problems);
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& params) const override {
    const Params prm = parse(params);
    const IndustryMatrix& table = detail::requireIndustryOutput(context, kSupplyChainId);
    const IoTable& io = detail::requireIoTable(context, kSupplyChainId);
    const std::string& industry = context.scenario.cluster.industry;
    const auto iIt = std::find(io.sectors.begin(), io.sectors.end(), industry);
    const std::size_t i = static_cast<std::size_t>(iIt - io.sectors.begin());

    // Input industries j of i with their coefficients a_ji (column i of A).
    std::vector<std::pair<int, double>> inputs;  // (column in the output table, a_ji)
    for (std::size_t j = 0; j < io.sectors.size(); ++j) {
      const double a = j < io.a.size() && i < io.a[j].size() ? io.a[j][i] : kNaN;
      if (isMissing(a) || a < 0)
        throw InputError(
            std::string(kSupplyChainId) + ": " + detail::ioTableLabel(context) + " row '" + io.sectors[j] +
            "', column '" + industry + "': coefficient is " +
            (isMissing(a) ? std::string("missing") : "negative (" + util::formatFixed(a, 4) + ")"));
      if (a == 0 || (j == i && !prm.includeOwn)) continue;
      const int column = table.industryIndex(io.sectors[j]);
      if (column >= 0) inputs.emplace_back(column, a);
    }
    if (inputs.empty())
      throw InputError(std::string(kSupplyChainId) + ": industry '" + industry +
                       "' buys from no industry of " + detail::industryOutputLabel(context) + " in " +
                       detail::ioTableLabel(context));

    const Eigen::MatrixXd lq =
        locationQuotients(detail::checkedOutputMatrix(context, kSupplyChainId, table, false));
    return detail::valuesByHostRow(context, kSupplyChainId, table, [&](int park, int row) {
      double num = 0, den = 0;
      for (const auto& [column, a] : inputs) {
        const double q = lq(row, column);
        if (isMissing(q)) continue;  // empty cell: this supplier is unknown, left out
        num += a * std::min(q, prm.cap);
        den += a;
      }
      if (den > 0) return num / den;
      detail::warnPark(
          context, park,
          std::string(kSupplyChainId) + ": host region '" + table.regionIds[row] +
              "' has no output value for any input industry of '" + industry + "'",
          "host_without_inputs",
          {{"criterion", kSupplyChainId}, {"region", table.regionIds[row]}, {"industry", industry}});
      return kNaN;
    });
  }

 private:
  Params parse(const nlohmann::json& params) const {
    const nlohmann::json resolved = resolveParams(*this, params);
    return Params{resolved.at("cap").get<double>(), resolved.at("include_own").get<bool>()};
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("supply_chain", SupplyChain)

}  // namespace clustershift
