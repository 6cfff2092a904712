#pragma once
// A transfer flow from the cluster's location to one ranked park (moved amounts unset).
#include "clustershift/results.h"

namespace clustershift::detail {

/// Flow to results.parks[parkIndex] from (fromLon, fromLat), with its geodesic length.
Flow flowTo(const Results& results, int parkIndex, double fromLon, double fromLat);

}  // namespace clustershift::detail
