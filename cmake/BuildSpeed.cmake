# Build speed of a first build (make demo on a fresh 2-core machine), measured in CPU time per file.
#
# Unity builds (CLUSTERSHIFT_UNITY, default ON) for core, layers and cli: each file spends most of
# its time on the same headers (nlohmann/json, the standard library; QGIS/Qt; CLI11); compiled
# together that work is done once per batch (measured: layers 144 -> 54 s CPU in two batches,
# cli 96 -> 28 s in one, core 371 -> 160 s in batches of 12: 190 -> 82 s on 2 cores). Names in anonymous
# namespaces must therefore be unique across a target's files (each criterion's id constant is
# k<Criterion>Id; pi and NaN come from clustershift/data.h). Not for the plugin and tests.
# A source file with its own compile options (core's decay_sum.cpp) is compiled apart by CMake.
# clustershift_unity(<target> <files per batch, 0 = all>)
#
# Precompiled headers (CLUSTERSHIFT_PCH, default OFF) for core, the plugin, the Processing library and
# the test programs: every file parses nlohmann/json.hpp and the standard library, those of the
# plugin and the QGIS tests also Qt and QGIS; parsed once per target instead (measured on core:
# 356 -> 310 s CPU). Only third-party headers: editing one of our own headers rebuilds what
# includes it, as without PCH.
# clustershift_precompile(<target> [QGIS] [GUI] [PROCESSING] [GTEST])
#   QGIS: the Qt/QGIS core headers most QGIS-side files include; GUI: the widgets of the plugin;
#   PROCESSING: the Processing framework; GTEST: gtest.h.
# With ccache the compiler launcher (top-level CMakeLists.txt) keeps the objects cacheable (ccache's
# manual, "Precompiled headers": sloppiness pch_defines,time_macros and GCC's -fpch-preprocess).
# Off by default: GCC 12 (Debian 12) once stopped with "internal compiler error: in gt_pch_save" while
# writing the plugin's header (2 clean builds of the merged tree, one failure; the retry passed). A
# first build that fails at random costs more than the 13 % PCH saves; -DCLUSTERSHIFT_PCH=ON to use.
option(CLUSTERSHIFT_UNITY "Unity builds of core, layers and cli" ON)
option(CLUSTERSHIFT_PCH "Precompiled headers for core, the plugin, Processing and the tests" OFF)

set(CLUSTERSHIFT_PCH_STD <algorithm> <cmath> <cstdint> <functional> <limits> <map> <memory> <optional>
    <set> <sstream> <string> <vector> <nlohmann/json.hpp>)
set(CLUSTERSHIFT_PCH_QGIS <QString> <QStringList> <QVariant> <QFile> <QFileInfo> <QDir>
    <qgsfeature.h> <qgsfeatureiterator.h> <qgsfeaturerequest.h> <qgsgeometry.h> <qgsvectorlayer.h>
    <qgsproject.h> <qgsapplication.h> <qgsprintlayout.h>)
set(CLUSTERSHIFT_PCH_GUI <QWidget> <QLabel> <QPushButton> <QComboBox> <QFormLayout> <QVBoxLayout>
    <QTableWidget> <qgsmapcanvas.h>)
set(CLUSTERSHIFT_PCH_PROCESSING <qgsprocessingalgorithm.h> <qgsprocessingparameters.h>)

function(clustershift_precompile target)
  if(NOT CLUSTERSHIFT_PCH)
    return()
  endif()
  cmake_parse_arguments(PCH "QGIS;GUI;PROCESSING;GTEST" "" "" ${ARGN})
  set(headers ${CLUSTERSHIFT_PCH_STD})
  if(PCH_QGIS)
    list(APPEND headers ${CLUSTERSHIFT_PCH_QGIS})
  endif()
  if(PCH_GUI)
    list(APPEND headers ${CLUSTERSHIFT_PCH_GUI})
  endif()
  if(PCH_PROCESSING)
    list(APPEND headers ${CLUSTERSHIFT_PCH_PROCESSING})
  endif()
  if(PCH_GTEST)
    list(APPEND headers <gtest/gtest.h>)
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CLUSTERSHIFT_CCACHE_PCH)
    target_compile_options(${target} PRIVATE -fpch-preprocess)
  endif()
endfunction()

function(clustershift_unity target batch)
  if(CLUSTERSHIFT_UNITY)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${batch})
  endif()
endfunction()
