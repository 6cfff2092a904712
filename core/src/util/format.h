#pragma once
// Number text for messages, logs and CSV cells: declared with the rest of the shared small
// infrastructure in the public clustershift/util.h (layers, CLI and plugin use it too).
#include "clustershift/util.h"
