# `make package`: a Debian package (CPack DEB) of what `cmake --install` installs, configured with
# prefix /usr (Makefile): the plugin in /usr/lib/qgis/plugins (where QGIS looks for
# C++ plugins), the clustershift command in /usr/bin, its libraries in /usr/lib/clustershift, the
# Processing shim and the sample data in /usr/share/clustershift, the docs in /usr/share/doc/clustershift.
set(CLUSTERSHIFT_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/clustershift)
install(FILES ${CMAKE_SOURCE_DIR}/README.md ${CMAKE_SOURCE_DIR}/docs/model.md ${CMAKE_SOURCE_DIR}/docs/data.md
        DESTINATION ${CLUSTERSHIFT_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/images DESTINATION ${CLUSTERSHIFT_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME clustershift)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "ClusterShift")
set(CPACK_PACKAGE_CONTACT "ClusterShift maintainers <clustershift@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "QGIS plugin and command for planning industrial cluster transfer")
set(CPACK_PACKAGE_DESCRIPTION
    "Ranks candidate receiving parks with transparent multi-criteria scoring, projects the effects of a \
cluster transfer on both regions and prints regional map reports. QGIS desktop plugin, Processing \
provider and the headless clustershift command.")
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_STRIP_FILES ON)  # RelWithDebInfo objects: no debug info in the package
# Library dependencies from dpkg-shlibdeps (our own libraries are private, in the build tree),
# plus what is loaded at run time rather than linked: the QGIS providers and the CJK fonts of the reports.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS ${CMAKE_BINARY_DIR}/lib)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qgis (>= 3.22), qgis-providers, fonts-noto-cjk, qttranslations5-l10n")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-qgis")
include(CPack)
