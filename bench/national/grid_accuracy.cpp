// bench/national: the candidate grid's fast paths against the per-cell computation at national
// size. Screens every cell of a grid scenario (e.g. national_grid.json, 1 km) with the fast
// paths, draws `samples` random cells, scores them as parks through each criterion's
// compute() and prints, per criterion, the largest and the median relative difference.
//   grid_accuracy SCENARIO.json [SAMPLES]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <random>
#include <vector>

#include "clustershift/criterion.h"
#include "clustershift/pipeline.h"
#include "pipeline/candidates.h"
#include "pipeline/source_location.h"

using namespace clustershift;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: grid_accuracy SCENARIO.json [SAMPLES]\n");
    return 2;
  }
  try {
    const Scenario scenario = loadScenario(argv[1]);
    const std::size_t samples = argc > 2 ? static_cast<std::size_t>(std::atol(argv[2])) : 20000;
    Feedback feedback;
    Inputs inputs = loadInputs(scenario, feedback);
    const auto t0 = std::chrono::steady_clock::now();
    const detail::GridScreening screen = detail::screenGrid(scenario, inputs, feedback, true);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("grid accuracy: %zu cells screened in %.1f s; %zu random cells scored as parks\n",
                screen.cells.size(), seconds, std::min(samples, screen.cells.size()));

    std::mt19937_64 rng(14);
    std::vector<std::size_t> pick(screen.cells.size());
    for (std::size_t i = 0; i < pick.size(); ++i) pick[i] = i;
    std::shuffle(pick.begin(), pick.end(), rng);
    pick.resize(std::min(samples, pick.size()));
    Inputs parks = inputs;
    parks.parks.clear();
    for (std::size_t k : pick) {
      Park p;
      p.id = p.fid = "cell_" + std::to_string(k);
      p.lon = screen.cells.lon[k];
      p.lat = screen.cells.lat[k];
      p.region = screen.cells.region[k];
      p.values = {{"area_ha", screen.cells.areaHa}, {"available_ha", screen.cells.areaHa}};
      parks.parks.push_back(p);
    }
    Feedback quiet;
    for (std::size_t c = 0; c < screen.specs.size(); ++c) {
      // Source location as the screening used it.
      detail::SourceLocation source = detail::locateSource(scenario, parks);
      CriterionContext context{scenario, parks, source.region, source.lon, source.lat, quiet};
      const std::vector<double> exact = screen.criteria[c]->compute(context, screen.params[c]);
      std::vector<double> rel;
      for (std::size_t i = 0; i < pick.size(); ++i) {
        const double a = screen.raw[c][pick[i]], b = exact[i];
        if (std::isnan(a) || std::isnan(b)) continue;
        rel.push_back(b == 0 ? std::abs(a) : std::abs(a - b) / std::abs(b));
      }
      std::sort(rel.begin(), rel.end());
      const double worst = rel.empty() ? NAN : rel.back(), median = rel.empty() ? NAN : rel[rel.size() / 2];
      std::printf("  %-20s largest relative difference %.2e, median %.2e (%zu cells)\n",
                  screen.specs[c]->id.c_str(), worst, median, rel.size());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "grid_accuracy: %s\n", e.what());
    return 1;
  }
  return 0;
}
