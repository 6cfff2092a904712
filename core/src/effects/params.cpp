// Parsing and validation of the scenario's "effects" block. Every parameter has its default
// here and in docs/model.md ("Transfer effects"); problems carry their JSON path.
#include <cmath>
#include <set>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {
namespace {

std::string shown(const nlohmann::json& value) { return value.dump(); }

class Parser {
 public:
  explicit Parser(std::vector<Problem>& problems) : m_problems(problems) {}

  void fail(const std::string& path, const std::string& message) {
    m_problems.push_back(Problem{Severity::Fatal, path, message, ""});
  }

  /// A number within [lo, hi] (open ends when the flags say so); leaves target unchanged on error.
  void number(const nlohmann::json& value, const std::string& path, double& target, double lo, double hi,
              bool loOpen, bool hiOpen, const std::string& what) {
    if (!value.is_number()) {
      fail(path, "expected " + what + ", got " + shown(value));
      return;
    }
    const double v = value.get<double>();
    const bool okLo = loOpen ? v > lo : v >= lo;
    const bool okHi = hiOpen ? v < hi : v <= hi;
    if (!std::isfinite(v) || !okLo || !okHi) {
      fail(path, "expected " + what + ", got " + shown(value));
      return;
    }
    target = v;
  }

  void share(const nlohmann::json& value, const std::string& path, double& target) {
    number(value, path, target, 0, 1, false, false, "a share in [0,1]");
  }

  void positive(const nlohmann::json& value, const std::string& path, double& target,
                const std::string& unit) {
    number(value, path, target, 0, HUGE_VAL, true, true, "a positive number" + unit);
  }

  void integer(const nlohmann::json& value, const std::string& path, int& target, int lo, int hi) {
    if (!value.is_number_integer() || value.get<long long>() < lo || value.get<long long>() > hi) {
      fail(path, "expected an integer in [" + std::to_string(lo) + "," + std::to_string(hi) + "], got " +
                     shown(value));
      return;
    }
    target = value.get<int>();
  }

  bool object(const nlohmann::json& value, const std::string& path) {
    if (value.is_object()) return true;
    fail(path, "expected an object, got " + shown(value));
    return false;
  }

 private:
  std::vector<Problem>& m_problems;
};

bool isIndicator(const std::string& name) {
  for (const std::string& i : effectIndicators())
    if (i == name) return true;
  return false;
}

std::string indicatorList() {
  std::string text;
  for (const std::string& i : effectIndicators()) text += (text.empty() ? "" : ", ") + i;
  return text;
}

}  // namespace

double PhiByMode::of(TransferMode mode) const {
  switch (mode) {
    case TransferMode::Complete:
      return complete;
    case TransferMode::Partial:
      return partial;
    case TransferMode::Replication:
      return replication;
  }
  return complete;
}

const std::vector<std::string>& effectIndicators() {
  static const std::vector<std::string> kIndicators = {"ts",           "isu", "theil", "va_rate",
                                                       "rd_intensity", "gdp", "jobs"};
  return kIndicators;
}

EffectsParams::EffectsParams() {
  // Equal weights (planning assumption).
  for (const std::string& i : effectIndicators()) uWeights[i] = 1.0;
  // Change that earns the full score 1 (planning assumptions; see docs/model.md).
  uScale = {{"ts", 0.10},  {"isu", 0.05}, {"theil", 0.05}, {"va_rate", 0.05}, {"rd_intensity", 0.005},
            {"gdp", 0.05}, {"jobs", 0.05}};
}

EffectsParams parseEffectsParams(const nlohmann::json& effects, double replicationScale) {
  EffectsParams params;
  params.lambda = replicationScale;
  std::vector<Problem> problems;
  Parser p(problems);
  if (effects.is_null()) return params;
  if (!p.object(effects, "effects")) throw ValidationError(problems);

  for (auto it = effects.begin(); it != effects.end(); ++it) {
    const std::string& key = it.key();
    const nlohmann::json& v = it.value();
    const std::string path = "effects." + key;
    if (key == "host") {
      if (!v.is_string() || v.get<std::string>().empty())
        p.fail(path, "expected \"best\", \"allocate\" or a park id, got " + shown(v));
      else
        params.host = v.get<std::string>();
    } else if (key == "host_count") {
      p.integer(v, path, params.hostCount, 1, 1000);
    } else if (key == "theta") {
      p.share(v, path, params.theta);
    } else if (key == "rho") {
      p.share(v, path, params.rho);
    } else if (key == "reemployment_productivity") {
      p.share(v, path, params.reemploymentProductivity);
    } else if (key == "mu") {
      p.share(v, path, params.mu);
    } else if (key == "phi") {
      if (!p.object(v, path)) continue;
      for (auto m = v.begin(); m != v.end(); ++m) {
        const std::string mpath = path + "." + m.key();
        if (m.key() == "complete")
          p.share(m.value(), mpath, params.phi.complete);
        else if (m.key() == "partial")
          p.share(m.value(), mpath, params.phi.partial);
        else if (m.key() == "replication")
          p.share(m.value(), mpath, params.phi.replication);
        else
          p.fail(mpath, "unknown key (expected complete, partial, replication)");
      }
    } else if (key == "decay_km") {
      p.positive(v, path, params.decayKm, " of km");
    } else if (key == "lambda") {
      p.number(v, path, params.lambda, 0, 1, true, false, "a replication scale in (0,1]");
    } else if (key == "beta") {
      p.number(v, path, params.beta, 0, 20, false, false, "an exponent in [0,20]");
    } else if (key == "horizon_years") {
      p.integer(v, path, params.horizonYears, 1, 100);
    } else if (key == "midpoint_year") {
      p.number(v, path, params.midpointYear, 0, 100, false, false, "a year in [0,100]");
    } else if (key == "steepness") {
      p.positive(v, path, params.steepness, " (1/year)");
    } else if (key == "flq_delta") {
      p.number(v, path, params.flqDelta, 0, 1, false, true, "a number in [0,1)");
    } else if (key == "coupling") {
      if (!p.object(v, path)) continue;
      for (auto m = v.begin(); m != v.end(); ++m) {
        const std::string mpath = path + "." + m.key();
        if (m.key() == "a")
          p.share(m.value(), mpath, params.couplingA);
        else if (m.key() == "b")
          p.share(m.value(), mpath, params.couplingB);
        else
          p.fail(mpath, "unknown key (expected a, b)");
      }
    } else if (key == "u_weights" || key == "u_scale") {
      if (!p.object(v, path)) continue;
      auto& target = key == "u_weights" ? params.uWeights : params.uScale;
      for (auto m = v.begin(); m != v.end(); ++m) {
        const std::string mpath = path + "." + m.key();
        if (!isIndicator(m.key())) {
          p.fail(mpath, "unknown indicator (expected one of " + indicatorList() + ")");
          continue;
        }
        if (key == "u_weights")
          p.number(m.value(), mpath, target[m.key()], 0, HUGE_VAL, false, true, "a non-negative weight");
        else
          p.positive(m.value(), mpath, target[m.key()], "");
      }
    } else {
      p.fail(
          path,
          "unknown key (expected host, host_count, theta, rho, reemployment_productivity, mu, phi, decay_km, "
          "lambda, beta, horizon_years, midpoint_year, steepness, flq_delta, coupling, "
          "u_weights, u_scale)");
    }
  }

  if (problems.empty()) {
    if (std::fabs(params.couplingA + params.couplingB - 1.0) > 1e-9) {
      std::ostringstream s;
      s << "a + b must be 1, got " << params.couplingA << " + " << params.couplingB;
      p.fail("effects.coupling", s.str());
    }
    double total = 0;
    for (const auto& [name, w] : params.uWeights) total += w;
    if (total <= 0) p.fail("effects.u_weights", "at least one weight must be positive");
  }
  if (!problems.empty()) throw ValidationError(problems);
  return params;
}

nlohmann::json toJson(const EffectsParams& params) {
  nlohmann::json j;
  j["host"] = params.host;
  j["host_count"] = params.hostCount;
  j["theta"] = params.theta;
  j["rho"] = params.rho;
  j["reemployment_productivity"] = params.reemploymentProductivity;
  j["mu"] = params.mu;
  j["phi"] = {{"complete", params.phi.complete},
              {"partial", params.phi.partial},
              {"replication", params.phi.replication}};
  j["decay_km"] = params.decayKm;
  j["lambda"] = params.lambda;
  j["beta"] = params.beta;
  j["horizon_years"] = params.horizonYears;
  j["midpoint_year"] = params.midpointYear;
  j["steepness"] = params.steepness;
  j["flq_delta"] = params.flqDelta;
  j["coupling"] = {{"a", params.couplingA}, {"b", params.couplingB}};
  j["u_weights"] = params.uWeights;
  j["u_scale"] = params.uScale;
  return j;
}

}  // namespace clustershift
