#pragma once
// Small pieces shared by the benchmark programs in bench/.
#include <string>

#include <benchmark/benchmark.h>

#include "clustershift/data.h"

namespace clustershift::bench {

/// A candidate park "P<index>" (id and fid) at (lon, lat) degrees.
inline Park parkAt(int index, double lon, double lat) {
  Park park;
  park.id = "P" + std::to_string(index);
  park.fid = park.id;
  park.lon = lon;
  park.lat = lat;
  return park;
}

/// Runs a benchmark on the coarse (dense = 0) and dense (dense = 1) variants of its inputs,
/// timed in milliseconds of process CPU time and of real time.
inline void coarseAndDense(benchmark::internal::Benchmark* b) {
  b->ArgName("dense")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();
}

}  // namespace clustershift::bench
