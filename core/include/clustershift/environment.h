#pragma once
// Sensitive zones (ecological red lines, water-source protection areas...) around parks,
// for the `environment` criterion and for the reasons the pipeline gives when that
// criterion excludes a park as a hard constraint.
#include <string>
#include <vector>

#include "clustershift/data.h"

namespace clustershift {

/// Buffer radius (m) around point parks used by `environment` when params.buffer_m is absent.
constexpr double kEnvironmentDefaultBufferM = 1000.0;

/// Names of the sensitive zones (Inputs::exclusions) that overlap park `park` (index into
/// Inputs::parks) with a positive area: its polygon when the park geometry is polygonal,
/// else the disk of `bufferM` metres around its point. Layer order; a zone without a name
/// is given by its id (or "fid=<fid>"). Empty when nothing overlaps or there are no zones.
/// Areas are taken in a Lambert azimuthal equal-area plane centred on the zones and parks,
/// as the criterion does. Throws InputError for a bad park index, GeoError for unreadable
/// geometry.
std::vector<std::string> zonesTouching(const Inputs& inputs, int park, double bufferM);

}  // namespace clustershift
