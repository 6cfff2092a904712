#pragma once
// Why a candidate park is excluded, as codes and values. ParkResult::reason (and the reason field
// of candidate_scores) keeps the run's stable English wording, "; "-separated; exclusionReasons()
// reads that wording back into codes, criterion ids and numbers, so a UI renders the reason in its
// own language with units instead of showing the English text.
#include <map>
#include <string>
#include <vector>

namespace clustershift {

/// One reason a park is excluded.
struct ExclusionReason {
  /// no_location | outside_regions | source_region | below_min | above_max | missing_value | other
  std::string code;
  std::string criterion;  ///< criterion id (below_min, above_max, missing_value); empty otherwise
  double value = 0.0;     ///< the raw value (below_min, above_max), in the criterion's unit
  double limit = 0.0;     ///< the hard limit it broke (below_min, above_max)
  /// The criterion's own figures for the limit, e.g. land: {"available_ha", "needed_ha"} (hectares).
  std::map<std::string, double> values;
  std::string text;  ///< the English wording of this one reason, as written by the run
};

/// The reasons in `reason` (the run's wording: "no location", "outside every region", "in the source
/// region", "<prefix>_raw V < min L (detail)", "<prefix>_raw V > max L", "<id>: missing value",
/// "<id>: V < min L"), in order; anything else as code "other" with its text. `criterionIds` maps
/// output field prefixes back to criterion ids (field_land_price -> field:land_price); a prefix not
/// found is returned as it is. Never throws.
std::vector<ExclusionReason> exclusionReasons(const std::string& reason,
                                              const std::vector<std::string>& criterionIds = {});

}  // namespace clustershift
