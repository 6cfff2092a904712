# Precompiled headers (CLUSTERSHIFT_PCH, default ON): every translation unit of core parses
# nlohmann/json.hpp and the standard library, every one of layers, cli, the plugin and their tests
# also Qt and QGIS; parsed once per target instead. Only third-party headers: editing one of our
# own headers rebuilds what includes it, as without PCH.
# clustershift_precompile(<target> [QGIS] [GUI] [PROCESSING] [GTEST])
#   QGIS: the Qt/QGIS core headers most of layers, cli and their tests include; GUI: the widgets
#   of the plugin; PROCESSING: the Processing framework; GTEST: gtest.h.
# With ccache the compiler launcher below keeps the objects cacheable (ccache's manual,
# "Precompiled headers": sloppiness pch_defines,time_macros and GCC's -fpch-preprocess).
option(CLUSTERSHIFT_PCH "Precompiled headers for core, layers, cli, plugin and the tests" ON)

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
