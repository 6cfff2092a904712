#include <algorithm>
#include <numeric>

#include "clustershift/pipeline.h"
#include "clustershift/results.h"

namespace clustershift {

std::vector<int> Results::ranking() const {
  std::vector<int> order(parks.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    int ra = parks[static_cast<std::size_t>(a)].rank, rb = parks[static_cast<std::size_t>(b)].rank;
    if ((ra > 0) != (rb > 0)) return ra > 0;  // ranked before excluded
    return ra < rb;
  });
  return order;
}

const char* version() {
#ifdef CLUSTERSHIFT_VERSION
  return CLUSTERSHIFT_VERSION;
#else
  return "0.0.0";
#endif
}

}  // namespace clustershift
