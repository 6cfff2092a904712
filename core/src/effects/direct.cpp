// Direct effects at one host: its share of the moved set (docs/model.md "Transfer effects").
#include "clustershift/effects.h"

namespace clustershift {

DirectEffect directEffect(const MovedSet& moved, double share) {
  DirectEffect d;
  d.outputYuan100m = share * moved.outputYuan100m;
  d.vaYuan100m = share * moved.vaYuan100m;
  d.jobs = share * moved.jobs;
  d.landHa = share * moved.landHa;
  d.rdYuan100m = share * moved.rdYuan100m;
  return d;
}

}  // namespace clustershift
