// land: available park land / land needed by the moved segments.
// need_ha = λ · Σ_{k moved} β_k · E / jobsPerHa_k (β_k job share, E cluster jobs, λ the
// replication scale, 1 otherwise) — the jobs-per-hectare land-need convention of industrial
// park planning.
#include "clustershift/criterion.h"
#include "clustershift/util.h"
#include "criteria/criterion_util.h"

namespace clustershift {
namespace {

double neededHa(const Scenario& scenario) {
  double need = 0;
  for (const Segment* s : scenario.movedSegmentList()) {
    if (s->jobsPerHa > 0) need += s->jobShare * scenario.cluster.jobs / s->jobsPerHa;
  }
  if (scenario.mode == TransferMode::Replication) need *= scenario.replicationScale;
  return need;
}

class Land : public DescribedCriterion {
 public:
  Land() : DescribedCriterion({"land", "Land availability", "土地供给", "ratio", Direction::Benefit}) {}

  std::vector<Problem> check(const CriterionContext& context, const nlohmann::json& params) const override {
    std::vector<Problem> problems;
    detail::requireParkColumn(context, id(), "available_ha", problems);
    if (problems.empty()) detail::requireSomeValue(*this, context, params, problems);
    if (!(neededHa(context.scenario) > 0)) {
      problems.push_back(codedProblem(Severity::Fatal, "cluster",
                                      "land: the moved segments need no land (check jobs and "
                                      "jobs_per_ha)",
                                      {}, "no_land_needed", {{"criterion", "land"}}));
    }
    return problems;
  }

  std::vector<double> compute(const CriterionContext& context,
                              const nlohmann::json& /*params*/) const override {
    double need = neededHa(context.scenario);
    if (!(need > 0)) throw InputError("land: the moved segments need no land");
    const Inputs& inputs = context.inputs;
    std::vector<double> raw(inputs.parks.size(), kNaN);
    for (std::size_t p = 0; p < inputs.parks.size(); ++p) {
      double available = inputs.parks[p].value("available_ha");
      if (isMissing(available)) {
        detail::warnPark(context, static_cast<int>(p), "land: no available_ha", "park_value_missing",
                         {{"criterion", "land"}, {"column", "available_ha"}});
        continue;
      }
      raw[p] = available / need;
    }
    return raw;
  }

  std::string explain(const CriterionContext& context, const nlohmann::json& /*params*/,
                      int park, double raw) const override {
    double need = neededHa(context.scenario);
    double available = context.inputs.parks.at(static_cast<std::size_t>(park)).value("available_ha");
    return "available " + util::formatFixed(available, 1) + " ha " + (raw < 1 ? "< " : "vs ") + "needed " +
           util::formatFixed(need, 1) + " ha";
  }
};

}  // namespace

CLUSTERSHIFT_REGISTER_CRITERION("land", Land)

}  // namespace clustershift

