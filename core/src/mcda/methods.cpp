// Descriptor tables of the decision settings (clustershift/methods.h).
#include "clustershift/methods.h"

#include "clustershift/error.h"

namespace clustershift {

namespace {

int indexOf(const std::vector<MethodInfo>& table, const std::string& name, const std::string& what,
            const char* noun) {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (name == table[i].name) return static_cast<int>(i);
  }
  std::string known;
  for (const MethodInfo& m : table) known += (known.empty() ? "" : ", ") + std::string(m.name);
  throw InputError(what + ": unknown " + noun + " '" + name + "' (known: " + known + ")");
}

}  // namespace

const std::vector<MethodInfo>& aggregations() {
  static const std::vector<MethodInfo> kTable = {
      {"wlc", "Weighted linear combination", "加权线性组合",
       "weighted linear combination (WLC): score = Σ wᵢ·vᵢ", "加权线性组合（WLC）：得分 = Σ wᵢ·vᵢ"},
      {"wpm", "Weighted product model", "加权积模型", "weighted product model (WPM): score = Π vᵢ^wᵢ",
       "加权积模型（WPM）：得分 = Π vᵢ^wᵢ"},
      {"topsis", "TOPSIS (closeness to the ideal)", "TOPSIS（理想解贴近度）",
       "TOPSIS: relative closeness to the ideal point (Hwang & Yoon 1981)",
       "TOPSIS：与理想解的相对贴近度（Hwang & Yoon 1981）"},
  };
  return kTable;
}

const std::vector<MethodInfo>& weightingMethods() {
  static const std::vector<MethodInfo> kTable = {
      {"direct", "Direct weights", "直接赋权", "direct weights from the scenario (normalised to sum 1)",
       "情景直接给定的权重（归一化为和为 1）"},
      {"ahp", "AHP pairwise comparison", "层次分析法（AHP）",
       "AHP: principal eigenvector of the pairwise matrix (Saaty 1980)",
       "层次分析法：判断矩阵主特征向量（Saaty 1980）"},
      {"entropy", "Entropy weights", "熵权法", "entropy weights (objective, from the data spread)",
       "熵权法（客观赋权）"},
      {"critic", "CRITIC weights", "CRITIC 法",
       "CRITIC weights (contrast and conflict; Diakoulaki et al. 1995)",
       "CRITIC 法（对比强度与冲突性；Diakoulaki 等 1995）"},
      {"blend", "Subjective and objective blend", "主客观组合赋权",
       "blend of subjective and objective weights", "主客观组合赋权"},
  };
  return kTable;
}

const std::vector<MethodInfo>& missingPolicies() {
  static const std::vector<MethodInfo> kTable = {
      {"exclude", "Exclude the candidate", "排除该候选"},
      {"worst", "Worst value", "按最差值计"},
      {"mean", "Mean of the others", "按其余均值计"},
  };
  return kTable;
}

const std::vector<MethodInfo>& valueFunctionTypes() {
  static const std::vector<MethodInfo> kTable = {
      {"minmax", "Min–max", "极差标准化", "min–max (linear over the range)", "极差标准化（线性）"},
      {"vector", "Vector (Euclidean)", "向量标准化", "vector normalisation", "向量标准化"},
      {"none", "None (raw values)", "不变换", "none (raw values in [0,1])", "无（原值）"},
      {"linear", "Linear between lo and hi", "线性（lo–hi）", "linear between lo and hi", "线性（lo 至 hi）"},
      {"sigmoid", "Sigmoid", "S 型", "sigmoid", "S 型函数"},
      {"gaussian", "Gaussian around a target", "高斯（目标值）", "Gaussian around a target",
       "高斯（目标值附近）"},
  };
  return kTable;
}

std::vector<std::string> methodNames(const std::vector<MethodInfo>& table) {
  std::vector<std::string> names;
  for (const MethodInfo& m : table) names.emplace_back(m.name);
  return names;
}

Aggregation aggregationFromName(const std::string& name, const std::string& what) {
  return static_cast<Aggregation>(indexOf(aggregations(), name, what, "method"));
}
WeightingMethod weightingMethodFromName(const std::string& name, const std::string& what) {
  return static_cast<WeightingMethod>(indexOf(weightingMethods(), name, what, "method"));
}
MissingPolicy missingPolicyFromName(const std::string& name, const std::string& what) {
  return static_cast<MissingPolicy>(indexOf(missingPolicies(), name, what, "policy"));
}
ValueFunctionType valueFunctionTypeFromName(const std::string& name, const std::string& what) {
  if (name.empty()) return ValueFunctionType::MinMax;
  return static_cast<ValueFunctionType>(indexOf(valueFunctionTypes(), name, what, "value function"));
}

const MethodInfo& info(Aggregation value) { return aggregations().at(static_cast<std::size_t>(value)); }
const MethodInfo& info(WeightingMethod value) {
  return weightingMethods().at(static_cast<std::size_t>(value));
}
const MethodInfo& info(MissingPolicy value) { return missingPolicies().at(static_cast<std::size_t>(value)); }
const MethodInfo& info(ValueFunctionType value) {
  return valueFunctionTypes().at(static_cast<std::size_t>(value));
}

}  // namespace clustershift
