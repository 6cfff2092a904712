#pragma once
// The exit code of a subcommand that needs no QGIS (mcda, indices): its exceptions become
// messages "clustershift NAME: ..." on stderr. cli_support.h's guarded() is the one for the
// commands that run in a QgisSession.
#include <iostream>
#include <string>

#include "clustershift/error.h"

namespace clustershift::cli {

/// Runs body(); returns 0, or 1 (cancelled, internal error), 2 (bad input: the fatal problems
/// of a ValidationError, one a line) or 3 (I/O).
template <typename Body>
int guardedCommand(const std::string& name, Body&& body) {
  const std::string prefix = "clustershift " + name + ": ";
  try {
    body();
    return 0;
  } catch (const Cancelled& e) {
    std::cerr << prefix << e.what() << "\n";
    return 1;
  } catch (const IoError& e) {
    std::cerr << prefix << e.what() << "\n";
    return 3;
  } catch (const ValidationError& e) {
    for (const Problem& p : e.problems())
      if (p.severity == Severity::Fatal) std::cerr << prefix << p.text() << "\n";
    return 2;
  } catch (const Error& e) {  // InputError, GeoError
    std::cerr << prefix << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << prefix << "internal error: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace clustershift::cli
