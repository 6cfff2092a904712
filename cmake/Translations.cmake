# clustershift_embed_translations(<target> <ts-folder> <resource-name> <qrc-prefix>)
# Qt Linguist translations: <ts-folder>/*.ts -> .qm (lrelease, at build time) -> embedded in
# <target> under :<qrc-prefix>/ through a generated resource named <resource-name>
# (Q_INIT_RESOURCE(<resource-name>) from a shared library or plugin that needs it early).
find_package(Qt5 REQUIRED COMPONENTS LinguistTools)

function(clustershift_embed_translations target tsDir resourceName prefix)
  file(GLOB tsFiles CONFIGURE_DEPENDS ${tsDir}/*.ts)
  set(outDir ${CMAKE_CURRENT_BINARY_DIR}/i18n)
  set_source_files_properties(${tsFiles} PROPERTIES OUTPUT_LOCATION ${outDir})
  qt5_add_translation(qmFiles ${tsFiles})
  set(entries "")
  foreach(qm ${qmFiles})
    get_filename_component(qmName ${qm} NAME)
    string(APPEND entries "    <file>${qmName}</file>\n")
  endforeach()
  set(qrc ${outDir}/${resourceName}.qrc)
  file(CONFIGURE OUTPUT ${qrc} CONTENT
    "<!DOCTYPE RCC>\n<RCC version=\"1.0\">\n  <qresource prefix=\"${prefix}\">\n${entries}  </qresource>\n</RCC>\n")
  # rcc by hand (not AUTORCC): the .qm files exist only after lrelease ran.
  set(cpp ${outDir}/qrc_${resourceName}.cpp)
  add_custom_command(OUTPUT ${cpp}
    COMMAND Qt5::rcc --name ${resourceName} --output ${cpp} ${qrc}
    DEPENDS ${qrc} ${qmFiles}
    COMMENT "Embedding the ${resourceName} translations")
  set_source_files_properties(${cpp} PROPERTIES SKIP_AUTOMOC ON SKIP_AUTOUIC ON)
  target_sources(${target} PRIVATE ${cpp})
endfunction()
