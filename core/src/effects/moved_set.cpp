// Moved set by transfer mode (docs/model.md "Transfer effects").
#include <algorithm>
#include <sstream>

#include "clustershift/effects.h"

namespace clustershift {

MovedSet movedSet(const ClusterProfile& cluster, TransferMode mode, const std::vector<std::string>& listed,
                  double lambda) {
  MovedSet moved;
  moved.mode = mode;
  moved.sourceLoses = mode != TransferMode::Replication;
  if (mode == TransferMode::Replication) {
    if (!(lambda > 0 && lambda <= 1)) {
      std::ostringstream s;
      s << "replication.scale: expected a scale in (0,1], got " << lambda;
      throw InputError(s.str());
    }
    moved.scale = lambda;
  }

  const auto& segs = cluster.segments;
  if (mode != TransferMode::Complete) {
    if (!listed.empty()) {
      for (std::size_t i = 0; i < listed.size(); ++i) {
        int found = -1;
        for (std::size_t k = 0; k < segs.size(); ++k)
          if (segs[k].id == listed[i]) found = static_cast<int>(k);
        if (found < 0) {
          std::string known;
          for (const Segment& s : segs) known += (known.empty() ? "" : ", ") + s.id;
          throw InputError("moved_segments[" + std::to_string(i) + "]: unknown segment '" + listed[i] +
                           "' (known: " + known + ")");
        }
        bool dup = false;
        for (int k : moved.segments) dup = dup || k == found;
        if (!dup) moved.segments.push_back(found);
      }
    } else {
      for (std::size_t k = 0; k < segs.size(); ++k)
        if (segs[k].movable) moved.segments.push_back(static_cast<int>(k));
    }
    if (moved.segments.empty())
      throw InputError(std::string("moved_segments: a ") +
                       (mode == TransferMode::Partial ? "partial transfer moves" : "replica copies") +
                       " no segment (none listed and no segment of cluster '" + cluster.id + "' is movable)");
  } else {
    for (std::size_t k = 0; k < segs.size(); ++k) moved.segments.push_back(static_cast<int>(k));
  }

  // R&D is attached to the segments in proportion to knowledge intensity × job share
  // (planning assumption): it moves with the segments that do it.
  double rdWeightAll = 0;
  double jobShareAll = 0;
  for (const Segment& s : segs) {
    rdWeightAll += s.knowledgeIntensity * s.jobShare;
    jobShareAll += s.jobShare;
  }
  double rdWeightMoved = 0;
  double jobShareMoved = 0;

  const double x = cluster.outputYuan100m;
  const double e = cluster.jobs;
  const double l = moved.scale;
  for (int k : moved.segments) {
    const Segment& s = segs[static_cast<std::size_t>(k)];
    moved.segmentIds.push_back(s.id);
    // Host direct effects: ΔX = λΣα_k X, ΔVA = λΣ v_k α_k X, ΔE = λΣ β_k E.
    moved.outputYuan100m += l * s.outputShare * x;
    moved.vaYuan100m += l * s.vaRate * s.outputShare * x;
    moved.jobs += l * s.jobShare * e;
    if (s.jobsPerHa > 0) moved.landHa += l * s.jobShare * e / s.jobsPerHa;
    rdWeightMoved += s.knowledgeIntensity * s.jobShare;
    jobShareMoved += s.jobShare;
  }
  double rdShare = 0;
  if (rdWeightAll > 0)
    rdShare = rdWeightMoved / rdWeightAll;
  else if (jobShareAll > 0)
    rdShare = jobShareMoved / jobShareAll;
  if (mode == TransferMode::Complete) rdShare = 1;  // every segment moves
  moved.rdYuan100m = l * cluster.rdYuan100m * rdShare;
  // Replication hub: what the replica does not copy stays and grows at the source.
  for (std::size_t k = 0; k < segs.size(); ++k) {
    if (std::find(moved.segments.begin(), moved.segments.end(), static_cast<int>(k)) != moved.segments.end())
      continue;
    moved.hubVaPerScale += segs[k].vaRate * segs[k].outputShare * x;
    moved.hubJobsPerScale += segs[k].jobShare * e;
  }
  moved.hubRdShare = mode == TransferMode::Complete ? 0.0 : 1.0 - rdShare;
  return moved;
}

}  // namespace clustershift
