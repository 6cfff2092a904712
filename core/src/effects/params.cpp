// Parsing and validation of the scenario's "effects" block. Every parameter has its default
// here and in docs/model.md ("Transfer effects"), its symbol, meaning and source in
// effectParamDocs() (the report's methods appendix); problems carry their JSON path.
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <utility>

#include "clustershift/effects.h"
#include "clustershift/util.h"

namespace clustershift {
namespace {

std::string shown(const nlohmann::json& value) { return value.dump(); }

class Parser {
 public:
  explicit Parser(std::vector<Problem>& problems) : m_problems(problems) {}

  void fail(const std::string& path, const std::string& message, std::string code = {},
            std::map<std::string, std::string> values = {}) {
    m_problems.push_back(
        codedProblem(Severity::Fatal, path, message, "", std::move(code), std::move(values)));
  }

  /// A number within [lo, hi] (open ends when the flags say so); leaves target unchanged on error.
  void number(const nlohmann::json& value, const std::string& path, double& target, double lo, double hi,
              bool loOpen, bool hiOpen, const std::string& what) {
    const double v = value.is_number() ? value.get<double>() : 0.0;
    const bool okLo = loOpen ? v > lo : v >= lo;
    const bool okHi = hiOpen ? v < hi : v <= hi;
    if (!value.is_number() || !std::isfinite(v) || !okLo || !okHi) {
      // The range in symbols for the UI's wording: "[0, 1)", "> 0".
      const std::string range = std::isfinite(hi)
                                    ? std::string(loOpen ? "(" : "[") + util::formatNumber(lo) + ", " +
                                          util::formatNumber(hi) + (hiOpen ? ")" : "]")
                                    : std::string(loOpen ? "> " : ">= ") + util::formatNumber(lo);
      fail(path, "expected " + what + ", got " + shown(value), "out_of_bounds_got",
           {{"range", range}, {"got", shown(value)}});
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
      fail(path,
           "expected an integer in [" + std::to_string(lo) + "," + std::to_string(hi) + "], got " +
               shown(value),
           "out_of_bounds_got",
           {{"range", "[" + std::to_string(lo) + ", " + std::to_string(hi) + "]"}, {"got", shown(value)}});
      return;
    }
    target = value.get<int>();
  }

  bool object(const nlohmann::json& value, const std::string& path) {
    if (value.is_object()) return true;
    fail(path, "expected an object, got " + shown(value), "expected_type",
         {{"expected", "object"}, {"got", value.is_array() ? "an array" : shown(value)}});
    return false;
  }

 private:
  std::vector<Problem>& m_problems;
};

bool isMechanism(const std::string& name) {
  for (const std::string& m : mechanismNames())
    if (m == name) return true;
  return false;
}

/// An object of shares in [0, 1] under these keys, each read into its target; any other key is
/// a problem that lists them.
void shareObject(Parser& p, const nlohmann::json& v, const std::string& path,
                 std::initializer_list<std::pair<const char*, double*>> keys) {
  if (!p.object(v, path)) return;
  for (auto m = v.begin(); m != v.end(); ++m) {
    const std::string mpath = path + "." + m.key();
    double* target = nullptr;
    std::string expected;
    for (const auto& [key, t] : keys) {
      if (m.key() == key) target = t;
      expected += (expected.empty() ? "" : ", ") + std::string(key);
    }
    if (target)
      p.share(m.value(), mpath, *target);
    else
      p.fail(mpath, "unknown key (expected " + expected + ")", "unknown_key", {{"allowed", expected}});
  }
}

void phiBlock(Parser& p, const nlohmann::json& v, const std::string& path, PhiByMode& target) {
  shareObject(
      p, v, path,
      {{"complete", &target.complete}, {"partial", &target.partial}, {"replication", &target.replication}});
}

void triple(Parser& p, const nlohmann::json& v, const std::string& path, std::array<double, 3>& target) {
  if (!v.is_array() || v.size() != 3) {
    p.fail(path, "expected three productivities [agriculture, industry, services] in 万元/person, got " + shown(v));
    return;
  }
  for (std::size_t i = 0; i < 3; ++i)
    p.number(v[i], path + "[" + std::to_string(i) + "]", target[i], 0, HUGE_VAL, false, true,
             "a productivity >= 0 (万元/person)");
}

/// The keys of the block, for the "unknown key" problem: "enabled, host, …".
const std::string& knownKeys() {
  static const std::string kKeys = [] {
    std::string keys;
    for (const EffectParamDoc& d : effectParamDocs()) keys += (keys.empty() ? "" : ", ") + std::string(d.key);
    return keys;
  }();
  return kKeys;
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
  static const std::vector<std::string> kIndicators = {"ts",      "isu",          "theil", "h",   "lp2",
                                                       "va_rate", "rd_intensity", "gdp",   "jobs"};
  return kIndicators;
}

const std::vector<EffectParamDoc>& effectParamDocs() {
  static const std::vector<EffectParamDoc> kDocs = {
      {"enabled", "—", "effects computed", "是否计算转移效应", "—", "—"},
      {"host", "—", "host choice", "承接园区选择", "—", "—"},
      {"host_count", "N", "hosts in an allocation", "分配的承接园区数", "planning assumption", "规划假设"},
      {"theta", "θ", "share of new host jobs drawn from surplus farm labour",
       "新增就业来自农业剩余劳动力的比例", "planning assumption", "规划假设"},
      {"agriculture_benchmark", "s₁*", "farm employment share of a developed economy",
       "发达经济农业就业比重基准", "planning assumption", "规划假设"},
      {"rho", "ρ", "share of freed source workers re-employed locally in services",
       "转出地释放劳动力在本地转入服务业的比例", "planning assumption", "规划假设"},
      {"reemployment_productivity", "π", "productivity of the re-employed (share of the service average)",
       "再就业者生产率（服务业平均的比例）", "planning assumption", "规划假设"},
      {"reuse", "κ", "share of freed land re-let to new firms (腾笼换鸟)", "腾退土地再招商比例（腾笼换鸟）",
       "planning assumption", "规划假设"},
      {"mu", "μ", "share of freed VA reinvested in R&D", "释放增加值再投入研发的比例", "planning assumption",
       "规划假设"},
      {"phi", "φ", "knowledge-flow coefficient by mode", "分方式知识溢出系数",
       "ordering from the research; values planning assumption", "次序依据研究文献；数值为规划假设"},
      {"phi_reverse", "φʳ", "reverse (host → source) flow coefficient by mode", "分方式反向知识流动系数",
       "planning assumption", "规划假设"},
      {"decay_km", "δk", "distance decay of the knowledge flow (km)", "知识溢出距离衰减（km）",
       "Bottazzi & Peri 2003 (scale); form planning assumption",
       "Bottazzi & Peri 2003（尺度）；函数形式为规划假设"},
      {"spillover_return", "r", "VA of host firms per unit of knowledge flow",
       "单位知识溢出带来的本地企业增加值", "Hall, Mairesse & Mohnen 2010 (range)",
       "Hall, Mairesse & Mohnen 2010（区间）"},
      {"lambda", "λ", "replication scale", "复制扩张规模", "planning assumption", "规划假设"},
      {"hub_growth", "η", "growth of the source's hub segments per unit of λ",
       "转出地总部环节随复制规模的增长", "planning assumption", "规划假设"},
      {"tau", "τ", "source's share of the replica's VA and tax", "转出地分享复制园区增加值与税收的比例",
       "planning assumption", "规划假设"},
      {"tax_rate", "t", "tax per unit of VA", "单位增加值税收", "planning assumption", "规划假设"},
      {"beta", "β", "allocation exponent on the score", "得分分配指数", "planning assumption", "规划假设"},
      {"horizon_years", "T", "years of the ramp", "转移年限", "planning assumption", "规划假设"},
      {"midpoint_year", "m", "year of the ramp's inflection", "转移拐点年份", "planning assumption",
       "规划假设"},
      {"steepness", "k", "steepness of the logistic ramp (1/yr)", "逻辑斯蒂曲线陡度（1/年）",
       "planning assumption", "规划假设"},
      {"flq_delta", "δ", "δ of Flegg's location quotient", "FLQ 区位商参数 δ", "Flegg & Webber 1997",
       "Flegg & Webber 1997"},
      {"coupling", "a, b", "weights of Ũ(source), Ũ(host) in T", "T 中转出地、承接地的权重",
       "common practice", "通行做法"},
      {"lp_pre_industrial", "LPb", "pre-industrial labour productivity benchmarks of H (10k yuan)",
       "H 的前工业化劳动生产率基准（万元）", "method 刘伟 et al. 2008; values planning assumption",
       "方法见刘伟等 2008；数值为规划假设"},
      {"lp_developed", "LPf", "developed labour productivity benchmarks of H (10k yuan)",
       "H 的发达阶段劳动生产率基准（万元）", "method 刘伟 et al. 2008; values planning assumption",
       "方法见刘伟等 2008；数值为规划假设"},
      {"mechanism_weights", "wₘ", "weights of vc, inn, str in U", "升级指数中价值链、创新、结构的权重",
       "planning assumption", "规划假设"},
      {"mechanism_scale", "sₘ", "change counting as one unit of U", "计为一个单位 U 的变化量",
       "planning assumption", "规划假设"},
      {"uncertainty", "—", "Monte Carlo over the effect parameters", "效应参数蒙特卡洛模拟",
       "planning assumption", "规划假设"},
  };
  return kDocs;
}

const std::vector<std::string>& mechanismNames() {
  static const std::vector<std::string> kNames = {"vc", "inn", "str"};
  return kNames;
}

EffectsParams::EffectsParams() {
  // Equal weights; one unit of U = a 1 % rise of manufacturing VA per worker, a 5 % rise of
  // R&D intensity, or +0.002 of H (planning assumptions; see docs/model.md).
  mechanismWeights = {{"vc", 1.0}, {"inn", 1.0}, {"str", 1.0}};
  mechanismScale = {{"vc", 0.01}, {"inn", 0.05}, {"str", 0.002}};
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
    if (key == "enabled") {
      if (!v.is_boolean())
        p.fail(path, "expected true or false, got " + shown(v), "expected_type",
               {{"expected", "boolean"}, {"got", shown(v)}});
      else
        params.enabled = v.get<bool>();
    } else if (key == "host") {
      if (!v.is_string() || v.get<std::string>().empty())
        p.fail(path, "expected \"best\", \"allocate\" or a park id, got " + shown(v));
      else
        params.host = v.get<std::string>();
    } else if (key == "host_count") {
      p.integer(v, path, params.hostCount, 1, 1000);
    } else if (key == "theta") {
      p.share(v, path, params.theta);
    } else if (key == "agriculture_benchmark") {
      p.number(v, path, params.agricultureBenchmark, 0, 1, false, true, "a share in [0,1)");
    } else if (key == "rho") {
      p.share(v, path, params.rho);
    } else if (key == "reemployment_productivity") {
      p.share(v, path, params.reemploymentProductivity);
    } else if (key == "reuse") {
      p.share(v, path, params.reuse);
    } else if (key == "mu") {
      p.share(v, path, params.mu);
    } else if (key == "phi") {
      phiBlock(p, v, path, params.phi);
    } else if (key == "phi_reverse") {
      phiBlock(p, v, path, params.phiReverse);
    } else if (key == "decay_km") {
      p.positive(v, path, params.decayKm, " of km");
    } else if (key == "spillover_return") {
      p.number(v, path, params.spilloverReturn, 0, 10, false, false, "a return in [0,10] (亿元 VA per 亿元)");
    } else if (key == "lambda") {
      p.number(v, path, params.lambda, 0, 1, true, false, "a replication scale in (0,1]");
    } else if (key == "hub_growth") {
      p.number(v, path, params.hubGrowth, 0, 2, false, false, "a growth factor in [0,2]");
    } else if (key == "tau") {
      p.share(v, path, params.tau);
    } else if (key == "tax_rate") {
      p.share(v, path, params.taxRate);
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
      shareObject(p, v, path, {{"a", &params.couplingA}, {"b", &params.couplingB}});
    } else if (key == "lp_pre_industrial") {
      triple(p, v, path, params.lpPreIndustrial);
    } else if (key == "lp_developed") {
      triple(p, v, path, params.lpDeveloped);
    } else if (key == "mechanism_weights" || key == "mechanism_scale") {
      if (!p.object(v, path)) continue;
      auto& target = key == "mechanism_weights" ? params.mechanismWeights : params.mechanismScale;
      for (auto m = v.begin(); m != v.end(); ++m) {
        const std::string mpath = path + "." + m.key();
        if (!isMechanism(m.key())) {
          p.fail(mpath, "unknown mechanism (expected vc, inn, str)", "unknown_key",
                 {{"allowed", "vc, inn, str"}});
          continue;
        }
        if (key == "mechanism_weights")
          p.number(m.value(), mpath, target[m.key()], 0, HUGE_VAL, false, true, "a non-negative weight");
        else
          p.positive(m.value(), mpath, target[m.key()], "");
      }
    } else if (key == "uncertainty") {
      if (!p.object(v, path)) continue;
      for (auto m = v.begin(); m != v.end(); ++m) {
        const std::string mpath = path + "." + m.key();
        if (m.key() == "draws") {
          p.integer(m.value(), mpath, params.uncertainty.draws, 0, 100000);
        } else if (m.key() == "seed") {
          if (!m.value().is_number_integer() || m.value().get<long long>() < 0 ||
              m.value().get<long long>() > 0xffffffffLL)
            p.fail(mpath, "expected an unsigned integer seed, got " + shown(m.value()));
          else
            params.uncertainty.seed = m.value().get<unsigned>();
        } else if (m.key() == "spread") {
          p.number(m.value(), mpath, params.uncertainty.spread, 0, 1, false, true, "a spread in [0,1)");
        } else if (m.key() == "lambda_spread") {
          p.number(m.value(), mpath, params.uncertainty.lambdaSpread, 0, 1, false, true, "a spread in [0,1)");
        } else {
          p.fail(mpath, "unknown key (expected draws, seed, spread, lambda_spread)", "unknown_key",
                 {{"allowed", "draws, seed, spread, lambda_spread"}});
        }
      }
    } else if (key == "u_weights" || key == "u_scale") {
      p.fail(path, std::string("replaced in the effects model v2 by ") +
                       (key == "u_weights" ? "mechanism_weights" : "mechanism_scale") +
                       " (keys vc, inn, str; see docs/model.md)");
    } else {
      p.fail(path, "unknown key (expected " + knownKeys() + ")", "unknown_key", {{"allowed", knownKeys()}});
    }
  }

  if (problems.empty()) {
    if (std::fabs(params.couplingA + params.couplingB - 1.0) > 1e-9) {
      std::ostringstream s;
      s << "a + b must be 1, got " << params.couplingA << " + " << params.couplingB;
      p.fail("effects.coupling", s.str());
    }
    double total = 0;
    for (const auto& [name, w] : params.mechanismWeights) total += w;
    if (total <= 0) p.fail("effects.mechanism_weights", "at least one weight must be positive");
    for (std::size_t s = 0; s < 3; ++s)
      if (!(params.lpDeveloped[s] > params.lpPreIndustrial[s]))
        p.fail("effects.lp_developed[" + std::to_string(s) + "]",
               "must exceed lp_pre_industrial[" + std::to_string(s) + "]");
  }
  if (!problems.empty()) throw ValidationError(problems);
  return params;
}

nlohmann::json toJson(const EffectsParams& params) {
  auto phi = [](const PhiByMode& m) {
    return nlohmann::json{{"complete", m.complete}, {"partial", m.partial}, {"replication", m.replication}};
  };
  nlohmann::json j;
  j["enabled"] = params.enabled;
  j["host"] = params.host;
  j["host_count"] = params.hostCount;
  j["theta"] = params.theta;
  j["agriculture_benchmark"] = params.agricultureBenchmark;
  j["rho"] = params.rho;
  j["reemployment_productivity"] = params.reemploymentProductivity;
  j["reuse"] = params.reuse;
  j["mu"] = params.mu;
  j["phi"] = phi(params.phi);
  j["phi_reverse"] = phi(params.phiReverse);
  j["decay_km"] = params.decayKm;
  j["spillover_return"] = params.spilloverReturn;
  j["lambda"] = params.lambda;
  j["hub_growth"] = params.hubGrowth;
  j["tau"] = params.tau;
  j["tax_rate"] = params.taxRate;
  j["beta"] = params.beta;
  j["horizon_years"] = params.horizonYears;
  j["midpoint_year"] = params.midpointYear;
  j["steepness"] = params.steepness;
  j["flq_delta"] = params.flqDelta;
  j["coupling"] = {{"a", params.couplingA}, {"b", params.couplingB}};
  j["lp_pre_industrial"] = params.lpPreIndustrial;
  j["lp_developed"] = params.lpDeveloped;
  j["mechanism_weights"] = params.mechanismWeights;
  j["mechanism_scale"] = params.mechanismScale;
  j["uncertainty"] = {{"draws", params.uncertainty.draws},
                      {"seed", params.uncertainty.seed},
                      {"spread", params.uncertainty.spread},
                      {"lambda_spread", params.uncertainty.lambdaSpread}};
  return j;
}

}  // namespace clustershift
