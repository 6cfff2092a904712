// exclusionReasons: the run's exclusion wording (run.cpp, mcda/decision.cpp, the criteria's
// explain()) read back into codes and numbers.
#include "clustershift/exclusion.h"

#include <regex>

#include "clustershift/criterion.h"

namespace clustershift {

namespace {

std::vector<std::string> split(const std::string& text, const std::string& separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + separator.size();
  }
  return parts;
}

bool number(const std::string& text, double& out) {
  try {
    std::size_t used = 0;
    out = std::stod(text, &used);
    return used == text.size();
  } catch (const std::exception&) {
    return false;
  }
}

/// The criterion's figures in an explain() detail: "available 48.6 ha < needed 691.2 ha" (land).
void detailValues(const std::string& detail, ExclusionReason& reason) {
  static const std::regex land(R"(^available ([-0-9.eE+]+) ha (?:<|vs) needed ([-0-9.eE+]+) ha$)");
  std::smatch m;
  double available = 0, needed = 0;
  if (std::regex_match(detail, m, land) && number(m[1], available) && number(m[2], needed)) {
    reason.values["available_ha"] = available;
    reason.values["needed_ha"] = needed;
  }
}

}  // namespace

std::vector<ExclusionReason> exclusionReasons(const std::string& reason,
                                              const std::vector<std::string>& criterionIds) {
  std::vector<ExclusionReason> out;
  if (reason.empty()) return out;
  auto idOfPrefix = [&criterionIds](const std::string& prefix) {
    for (const std::string& id : criterionIds)
      if (criterionFieldPrefix(id) == prefix) return id;
    return prefix;
  };
  // "<prefix>_raw 0.07 < min 1.00 (detail)" from the run's hard constraints; "<id>: 3 < min 5" from
  // the decision engine (CLI mcda); "<id>: missing value".
  static const std::regex constraint(
      R"(^(\S+)_raw ([-0-9.eE+]+|nan) ([<>]) (min|max) ([-0-9.eE+]+)(?: \((.*)\))?$)");
  static const std::regex decision(R"(^(\S+): ([-0-9.eE+]+) ([<>]) (min|max) ([-0-9.eE+]+)$)");
  static const std::regex missing(R"(^(\S+): missing value$)");
  for (const std::string& part : split(reason, "; ")) {
    ExclusionReason r;
    r.text = part;
    std::smatch m;
    double value = 0, limit = 0;
    if (part == "no location") {
      r.code = "no_location";
    } else if (part == "outside every region") {
      r.code = "outside_regions";
    } else if (part == "in the source region") {
      r.code = "source_region";
    } else if (std::regex_match(part, m, constraint) && number(m[2], value) && number(m[5], limit)) {
      r.code = m[4] == "min" ? "below_min" : "above_max";
      r.criterion = idOfPrefix(m[1]);
      r.value = value;
      r.limit = limit;
      if (m[6].matched) detailValues(m[6], r);
    } else if (std::regex_match(part, m, decision) && number(m[2], value) && number(m[5], limit)) {
      r.code = m[4] == "min" ? "below_min" : "above_max";
      r.criterion = m[1];
      r.value = value;
      r.limit = limit;
    } else if (std::regex_match(part, m, missing)) {
      r.code = "missing_value";
      r.criterion = m[1];
    } else {
      r.code = "other";
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace clustershift
