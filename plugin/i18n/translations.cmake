# The plugin's translations: plugin/i18n/clustershift_<locale>.ts → .qm (lrelease, at build time)
# → embedded in the plugin under :/clustershift/i18n/ and loaded by ClusterShiftPlugin according
# to QGIS's locale. Refresh the .ts after changing UI strings:
#   lupdate plugin/*.cpp plugin/*.h -ts plugin/i18n/clustershift_zh_CN.ts
find_package(Qt5 REQUIRED COMPONENTS LinguistTools)
file(GLOB CLUSTERSHIFT_TS_FILES CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*.ts)
set_source_files_properties(${CLUSTERSHIFT_TS_FILES} PROPERTIES OUTPUT_LOCATION ${CMAKE_CURRENT_BINARY_DIR}/i18n)
qt5_add_translation(CLUSTERSHIFT_QM_FILES ${CLUSTERSHIFT_TS_FILES})

set(_qrc_entries "")
foreach(_qm ${CLUSTERSHIFT_QM_FILES})
  get_filename_component(_qm_name ${_qm} NAME)
  string(APPEND _qrc_entries "    <file>${_qm_name}</file>\n")
endforeach()
set(_i18n_qrc ${CMAKE_CURRENT_BINARY_DIR}/i18n/clustershift_i18n.qrc)
file(CONFIGURE OUTPUT ${_i18n_qrc} CONTENT
  "<!DOCTYPE RCC>\n<RCC version=\"1.0\">\n  <qresource prefix=\"/clustershift/i18n\">\n${_qrc_entries}  </qresource>\n</RCC>\n")
# rcc by hand (not AUTORCC): the .qm files exist only after lrelease ran.
set(_i18n_cpp ${CMAKE_CURRENT_BINARY_DIR}/i18n/qrc_clustershift_i18n.cpp)
add_custom_command(OUTPUT ${_i18n_cpp}
  COMMAND Qt5::rcc --name clustershift_i18n --output ${_i18n_cpp} ${_i18n_qrc}
  DEPENDS ${_i18n_qrc} ${CLUSTERSHIFT_QM_FILES}
  COMMENT "Embedding the plugin translations")
set_source_files_properties(${_i18n_cpp} PROPERTIES SKIP_AUTOMOC ON SKIP_AUTOUIC ON)
target_sources(clustershiftplugin PRIVATE ${_i18n_cpp})
