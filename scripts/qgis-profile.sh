# Sourced by scripts/run-qgis.sh and tests/plugin/desktop_run_test.sh.

# write_qgis_ini FILE PLUGIN_DIR [KEY=VALUE...]: the QGIS3.ini of a fresh QGIS profile that loads
# the ClusterShift plugin from PLUGIN_DIR (the build tree) and asks nothing at start-up (no tips,
# no version check, no prompt for memory layers). KEY=VALUE pairs go into its [qgis] section;
# append further sections to FILE afterwards.
write_qgis_ini() {
  local file=$1 plugin_dir=$2
  shift 2
  mkdir -p "$(dirname "$file")"
  {
    cat <<INI
[Plugins]
libclustershiftplugin=true

[plugins]
searchPathsForPlugins=$plugin_dir

[app]
askToSaveMemoryLayers=false

[qgis]
checkVersion=false
showTips=false
INI
    if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi
  } >"$file"
}
