# QGIS 3.22 from Debian: only a find module, no config package (QGIS 3.22 ships no QGISConfig.cmake).
find_package(Qt5 REQUIRED COMPONENTS Core Gui Widgets Xml Network PrintSupport Svg Sql Concurrent
             WebKit WebKitWidgets LinguistTools)
list(APPEND CMAKE_MODULE_PATH /usr/share/qgis)
find_package(QGIS REQUIRED)

# Debian flattens /usr/include/qgis, but some headers include "scalebar/...", "processing/..." etc.
# Recreate those relative paths as symlinks in the build tree.
set(QGIS_COMPAT_INCLUDE_DIR ${CMAKE_BINARY_DIR}/qgis_compat_include)
file(GLOB _qgis_headers ${QGIS_INCLUDE_DIR}/*.h)
foreach(_h ${_qgis_headers})
  file(STRINGS ${_h} _incs REGEX "^#include \"[a-z0-9_]+/[^\"]+\\.h\"")
  foreach(_inc ${_incs})
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" _rel "${_inc}")
    get_filename_component(_base ${_rel} NAME)
    if(EXISTS ${QGIS_INCLUDE_DIR}/${_base} AND NOT EXISTS ${QGIS_COMPAT_INCLUDE_DIR}/${_rel})
      get_filename_component(_dir ${QGIS_COMPAT_INCLUDE_DIR}/${_rel} DIRECTORY)
      file(MAKE_DIRECTORY ${_dir})
      file(CREATE_LINK ${QGIS_INCLUDE_DIR}/${_base} ${QGIS_COMPAT_INCLUDE_DIR}/${_rel} SYMBOLIC)
    endif()
  endforeach()
endforeach()

add_library(QGIS::Core UNKNOWN IMPORTED)
set_target_properties(QGIS::Core PROPERTIES
  IMPORTED_LOCATION "${QGIS_CORE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${QGIS_INCLUDE_DIR};${QGIS_COMPAT_INCLUDE_DIR}"
  INTERFACE_COMPILE_DEFINITIONS "WITH_QTWEBKIT"
  INTERFACE_LINK_LIBRARIES "Qt5::Core;Qt5::Gui;Qt5::Widgets;Qt5::Xml;Qt5::Network;Qt5::PrintSupport;Qt5::Svg;Qt5::Sql;Qt5::Concurrent;Qt5::WebKit;Qt5::WebKitWidgets")
add_library(QGIS::Gui UNKNOWN IMPORTED)
set_target_properties(QGIS::Gui PROPERTIES IMPORTED_LOCATION "${QGIS_GUI_LIBRARY}" INTERFACE_LINK_LIBRARIES "QGIS::Core")
add_library(QGIS::Analysis UNKNOWN IMPORTED)
set_target_properties(QGIS::Analysis PROPERTIES IMPORTED_LOCATION "${QGIS_ANALYSIS_LIBRARY}" INTERFACE_LINK_LIBRARIES "QGIS::Core")
