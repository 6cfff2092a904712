// libFuzzer target: the shared CSV record reader and number parser (table.h) and the labelled
// table of `clustershift indices` (parseCsvTable and what is built from it).
#include <cstddef>
#include <cstdint>
#include <string>

#include "clustershift/error.h"
#include "clustershift/indices.h"
#include "clustershift/table.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const std::vector<clustershift::CsvRecord> records = clustershift::splitCsv(text, "fuzz.csv");
    (void)clustershift::raggedRows(records, "fuzz.csv");
    for (const auto& r : records)
      for (const auto& cell : r.cells) {
        double v = 0;
        (void)clustershift::parseNumber(cell, v);
      }
  } catch (const clustershift::Error&) {
  }
  try {
    const clustershift::CsvTable t = clustershift::parseCsvTable(text, "fuzz.csv");
    (void)t.where(0, 0);
    (void)t.matrix();
    (void)clustershift::ioTableFromCsv(t);
  } catch (const clustershift::Error&) {
  }
  return 0;
}
