# The plugin's translations: plugin/i18n/clustershift_<locale>.ts → .qm (lrelease, at build time)
# → embedded in the plugin under :/clustershift/i18n/ and loaded by ClusterShiftPlugin according
# to QGIS's locale. Refresh the .ts after changing UI strings:
#   lupdate plugin/*.cpp plugin/*.h -ts plugin/i18n/clustershift_zh_CN.ts
include(${CMAKE_SOURCE_DIR}/cmake/Translations.cmake)
clustershift_embed_translations(clustershiftplugin ${CMAKE_CURRENT_LIST_DIR} clustershift_i18n /clustershift/i18n)
