// labour_cost: wage(source region) / wage(host region). > 1 means the host is cheaper.
#include "clustershift/criterion.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

class LabourCost : public DescribedCriterion {
 public:
  LabourCost()
      : DescribedCriterion(
            {"labour_cost", "Labour cost advantage", "劳动力成本优势", "ratio", Direction::Benefit}) {}
  bool perRegion() const override { return true; }

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    detail::requireRegionColumn(context, id(), "wage", true, problems);
    if (problems.empty()) detail::requireSomeValue(*this, context, params, problems);
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& /*params*/) const override {
    const Inputs& inputs = context.inputs;
    if (context.sourceRegion < 0) throw InputError("labour_cost: no source region");
    const Region& source = inputs.regions[static_cast<std::size_t>(context.sourceRegion)];
    double sourceWage = source.value("wage");
    if (isMissing(sourceWage) || !(sourceWage > 0)) {
      throw InputError("labour_cost: source region '" + source.id + "' has no wage > 0");
    }
    return detail::valuesByHostRegion(context, "labour_cost", [&](int p, const Region& host) {
      const double wage = host.value("wage");
      if (isMissing(wage) || !(wage > 0)) {
        detail::warnPark(context, p, "labour_cost: host region '" + host.id + "' has no wage > 0",
                         "host_without_wage", {{"criterion", "labour_cost"}, {"region", host.id}});
        return kNaN;
      }
      return sourceWage / wage;
    });
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("labour_cost", LabourCost)

}  // namespace clustershift

