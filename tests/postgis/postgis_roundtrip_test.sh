#!/usr/bin/env bash
# PostGIS in and out against a real, throwaway PostgreSQL 15 + PostGIS 3 server (pg_cluster.sh):
# the sample data loaded into schema "base"; the Wenzhou scenario run from the database into
# schema "results" and from the GeoPackages into files; every score and every table's row count
# compared; QGIS (PyQGIS, postgres provider) opens the database layers with the styles stored
# in layer_styles; a write that fails at its last step leaves the schema exactly as it was;
# a password in a scenario or on the command line is refused; a missing table is named.
# Usage: bash postgis_roundtrip_test.sh EXE SOURCE_DIR OUT_DIR
set -u
EXE=$1 SRC=$2 OUT=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$OUT" && mkdir -p "$OUT"
# shellcheck source=pg_cluster.sh
source "$SRC/tests/postgis/pg_cluster.sh"
pg_cluster_start || fail "cannot start the throwaway PostgreSQL server"
DB="PG:service=planning"

# ---- the sample data into schema "base" (column names kept: C18 is not c18) ----
pg_psql -c "CREATE SCHEMA base" || fail "create schema"
for layer in regions parks roads sensitive_zones; do
  ogr2ogr -f PostgreSQL "$DB" "$SRC/sample_data/$layer.gpkg" "$layer" -nln "base.$layer" \
    -lco GEOMETRY_NAME=geom -lco LAUNDER=NO || fail "load $layer"
done
for table in industry_output io_table; do
  ogr2ogr -f PostgreSQL "$DB" "$SRC/sample_data/$table.csv" -nln "base.$table" -lco LAUNDER=NO \
    -oo AUTODETECT_TYPE=YES || fail "load $table"
done

# ---- the scenario with every data block in the database ----
db_scenario() {  # file_scenario out_json
  jq '.data = {
        regions: {service: "planning", schema: "base", table: "regions", fields: {id: "id"}},
        parks: {service: "planning", schema: "base", table: "parks", coordinates: "wgs84"},
        industry_output: {service: "planning", schema: "base", table: "industry_output"},
        io_table: {service: "planning", schema: "base", table: "io_table"},
        roads: {service: "planning", schema: "base", table: "roads"},
        exclusions: {service: "planning", schema: "base", table: "sensitive_zones"}}' "$1" >"$2"
}
complete="$SRC/sample_data/scenarios/wenzhou_footwear_complete.json"
mkdir -p "$OUT/scenarios"
db_scenario "$complete" "$OUT/scenarios/wenzhou_db.json"
# The cluster preset is looked up next to the scenario or in the sample data: keep the search path.
export CLUSTERSHIFT_DATA="$SRC/sample_data"

"$EXE" run "$complete" --out "$OUT/files" --lang en >"$OUT/files.out" 2>&1 || { cat "$OUT/files.out" >&2; fail "GeoPackage run"; }
gpkg="$OUT/files/wenzhou_footwear_complete.gpkg"
"$EXE" run "$OUT/scenarios/wenzhou_db.json" --out-db "$DB" --schema results >"$OUT/db.out" 2>&1 ||
  { cat "$OUT/db.out" >&2; fail "database run exited $?"; }
grep -qF "results.candidate_scores" "$OUT/db.out" || { cat "$OUT/db.out" >&2; fail "run does not list the written tables"; }

# ---- every score and every table's row count ----
real_columns=$(sqlite3 "$gpkg" "SELECT name FROM pragma_table_info('candidate_scores') WHERE type IN ('REAL','DOUBLE','FLOAT')")
[ "$(echo "$real_columns" | wc -l)" -ge 5 ] || fail "candidate_scores has too few numeric columns: $real_columns"
lite_select="id" pg_select="id"
for c in $real_columns; do
  lite_select+=", CASE WHEN \"$c\" IS NULL THEN 'NULL' ELSE printf('%.9e', \"$c\") END"
  pg_select+=", CASE WHEN \"$c\" IS NULL THEN 'NULL' ELSE ltrim(to_char(\"$c\", '9.999999999EEEE')) END"
done
lite_select+=", rank, status" pg_select+=", rank, status"
sqlite3 -separator '|' "$gpkg" "SELECT $lite_select FROM candidate_scores ORDER BY id" >"$OUT/scores_gpkg.txt"
pg_psql -At -F '|' -c "SELECT $pg_select FROM results.candidate_scores ORDER BY id" >"$OUT/scores_pg.txt" || fail "read scores"
# printf's %e and to_char's EEEE spell exponents alike (e+01); compare line by line.
[ "$(wc -l <"$OUT/scores_gpkg.txt")" -ge 10 ] || fail "too few parks scored"
diff "$OUT/scores_gpkg.txt" "$OUT/scores_pg.txt" >"$OUT/scores.diff" ||
  { head -5 "$OUT/scores.diff" >&2; fail "scores differ between the GeoPackage run and the database run"; }
ranked=$(grep -c '|[1-9][0-9]*|ranked' "$OUT/scores_pg.txt" || true)
tables=$(sqlite3 "$gpkg" "SELECT table_name FROM gpkg_contents WHERE table_name <> 'layer_styles' ORDER BY 1")
for t in $tables; do
  a=$(sqlite3 "$gpkg" "SELECT count(*) FROM \"$t\"")
  b=$(pg_psql -At -c "SELECT count(*) FROM results.\"$t\"") || fail "table results.$t missing"
  [ "$a" = "$b" ] || fail "table $t: $a rows in the GeoPackage, $b in the database"
done

# ---- QGIS opens the database layers with the stored styles ----
cat >"$OUT/open_in_qgis.py" <<'PY'
import sys
from qgis.core import QgsApplication, QgsVectorLayer, QgsDataSourceUri
app = QgsApplication([], False)
app.initQgis()
gpkg, problems, opened = sys.argv[1], [], []
for table in sys.argv[2:]:
    from_file = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
    uri = QgsDataSourceUri()
    uri.setConnection("planning", "", "", "")  # service, no database/user/password in the URI
    uri.setDataSource("results", table, "geom", "", "fid")
    from_db = QgsVectorLayer(uri.uri(False), table, "postgres")
    if not from_db.isValid():
        problems.append(f"{table}: not a valid postgres layer"); continue
    if from_db.featureCount() != from_file.featureCount():
        problems.append(f"{table}: {from_db.featureCount()} features, file has {from_file.featureCount()}")
    kind_file, kind_db = from_file.renderer().type(), from_db.renderer().type()
    if kind_file == "singleSymbol":
        problems.append(f"{table}: the GeoPackage style is the default single symbol; nothing to compare")
    if kind_db != kind_file:
        problems.append(f"{table}: renderer {kind_db} from the database, {kind_file} from the GeoPackage")
    print(f"{table}: {from_db.featureCount()} features, renderer {kind_db}, labels {from_db.labelsEnabled()}")
    opened += [from_file, from_db]
del from_file, from_db
opened.clear()  # layers gone before QGIS exits
app.exitQgis()
if problems:
    print("\n".join(problems)); sys.exit(1)
PY
QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$OUT/open_in_qgis.py" "$gpkg" candidate_scores regions region_effects \
  >"$OUT/qgis.out" 2>&1 || { cat "$OUT/qgis.out" >&2; fail "QGIS did not open the styled database layers"; }
grep -q "^candidate_scores: [0-9]* features, renderer RuleRenderer, labels True" "$OUT/qgis.out" ||
  { cat "$OUT/qgis.out" >&2; fail "candidate_scores from the database lacks the rule-based style with rank labels"; }

# ---- the Processing algorithm (qgis_process.bin, shim from the build tree): database layers in, OUTPUT_DB out ----
BUILD=$(cd "$(dirname "$EXE")/.." && pwd)
if [ -x /usr/bin/qgis_process.bin ] && [ -d "$BUILD/python/plugins/clustershift_processing_shim" ]; then
  profile="$OUT/qp_home/.local/share/QGIS/QGIS3/profiles/default/QGIS"
  mkdir -p "$profile" && printf '[PythonPlugins]\nclustershift_processing_shim=true\n' >"$profile/QGIS3.ini"
  (cd "$OUT" && HOME="$OUT/qp_home" QGIS_PLUGINPATH="$BUILD/python/plugins" QT_QPA_PLATFORM=offscreen \
    /usr/bin/qgis_process.bin run clustershift:scoresites -- \
    "REGIONS=postgres://service='planning' key='fid' srid=4326 table=\"base\".\"regions\" (geom)" \
    "PARKS=postgres://service='planning' key='fid' srid=4326 table=\"base\".\"parks\" (geom)" \
    "SCENARIO=$OUT/scenarios/wenzhou_db.json" "OUTPUT=$OUT/processing_scores.gpkg" \
    "OUTPUT_DB=$DB" OUTPUT_SCHEMA=from_processing) >"$OUT/processing.out" 2>&1 ||
    { tail -20 "$OUT/processing.out" >&2; fail "clustershift:scoresites with OUTPUT_DB"; }
  differing=$(pg_psql -At -c "SELECT count(*) FROM (
      (SELECT id, score, rank FROM results.candidate_scores EXCEPT SELECT id, score, rank FROM from_processing.candidate_scores)
      UNION ALL
      (SELECT id, score, rank FROM from_processing.candidate_scores EXCEPT SELECT id, score, rank FROM results.candidate_scores)) d") ||
    fail "schema from_processing not written"
  [ "$differing" = "0" ] || fail "Processing scores differ from the command's in $differing rows"
  [ "$(pg_psql -At -c "SELECT count(*) FROM layer_styles WHERE f_table_schema = 'from_processing'")" -ge 5 ] ||
    fail "Processing did not store the styles"
else
  fail "qgis_process.bin (apt: qgis) or the build-tree shim ($BUILD/python/plugins) missing"
fi

# ---- a write that fails at its last step (the styles) leaves the schema as it was ----
snapshot() {
  pg_psql -At -c "SELECT table_name FROM information_schema.tables WHERE table_schema='results' ORDER BY 1"
  pg_psql -At -c "SELECT md5(string_agg(id || ':' || coalesce(score::text, '-') || ':' || coalesce(rank::text, '-'), ',' ORDER BY id)) FROM results.candidate_scores"
  pg_psql -At -c "SELECT id, f_table_name, stylename, update_time FROM layer_styles WHERE f_table_schema='results' ORDER BY id"
}
snapshot >"$OUT/before.txt" || fail "snapshot"
grep -q "candidate_scores" "$OUT/before.txt" || fail "no styles stored for results.candidate_scores"
pg_psql -c "CREATE FUNCTION refuse_style() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN
              RAISE EXCEPTION 'styles of schema results are frozen'; END \$\$;
            CREATE TRIGGER refuse BEFORE INSERT ON layer_styles FOR EACH ROW
              WHEN (NEW.f_table_schema IN ('results', 'fresh')) EXECUTE FUNCTION refuse_style();" || fail "trigger"
db_scenario "$SRC/sample_data/scenarios/guangzhou_leather_partial.json" "$OUT/scenarios/guangzhou_db.json"
"$EXE" run "$OUT/scenarios/guangzhou_db.json" --out-db "$DB" --schema results >"$OUT/fail.out" 2>&1
rc=$?
[ $rc -eq 3 ] || { cat "$OUT/fail.out" >&2; fail "failed write: exit $rc, expected 3"; }
grep -qF "service 'planning', schema 'results'" "$OUT/fail.out" || { cat "$OUT/fail.out" >&2; fail "failure does not name service and schema"; }
grep -qF "styles of schema results are frozen" "$OUT/fail.out" || { cat "$OUT/fail.out" >&2; fail "failure lacks the server's reason"; }
snapshot >"$OUT/after.txt"
diff "$OUT/before.txt" "$OUT/after.txt" >&2 || fail "the failed write changed schema results"
"$EXE" run "$OUT/scenarios/guangzhou_db.json" --out-db "$DB" --schema fresh >"$OUT/fresh.out" 2>&1
[ $? -eq 3 ] || { cat "$OUT/fresh.out" >&2; fail "failed write into a new schema: expected exit 3"; }
[ -z "$(pg_psql -At -c "SELECT nspname FROM pg_namespace WHERE nspname = 'fresh'")" ] || fail "a failed write left schema fresh behind"

# ---- credentials never in a scenario or on the command line; missing tables named ----
jq '.data.regions.path = "PG:host=127.0.0.1 dbname=planning password=hunter2" | del(.data.regions.service)' \
  "$OUT/scenarios/wenzhou_db.json" >"$OUT/scenarios/password.json"
"$EXE" validate "$OUT/scenarios/password.json" >"$OUT/password.out" 2>&1
[ $? -eq 2 ] || { cat "$OUT/password.out" >&2; fail "password in a scenario: expected exit 2"; }
grep -qF "data.regions.path: contains a password" "$OUT/password.out" && grep -qF ".pgpass" "$OUT/password.out" ||
  { cat "$OUT/password.out" >&2; fail "password in a scenario: message does not say where to put it"; }
! grep -q hunter2 "$OUT/password.out" || fail "the password is repeated in the message"
"$EXE" run "$OUT/scenarios/wenzhou_db.json" --out-db "$DB password=hunter2" --schema other >"$OUT/cli_password.out" 2>&1
[ $? -eq 2 ] || { cat "$OUT/cli_password.out" >&2; fail "password in --out-db: expected exit 2"; }
jq '.data.parks.table = "parcs"' "$OUT/scenarios/wenzhou_db.json" >"$OUT/scenarios/typo.json"
"$EXE" validate "$OUT/scenarios/typo.json" >"$OUT/typo.out" 2>&1
[ $? -eq 2 ] || { cat "$OUT/typo.out" >&2; fail "missing table: expected exit 2"; }
grep -qF "parks: PostgreSQL service 'planning', schema 'base', table 'parcs': no such table (tables in the schema: industry_output, io_table, parks, regions, roads, sensitive_zones)" "$OUT/typo.out" ||
  { cat "$OUT/typo.out" >&2; fail "missing table: message does not name service, schema, table and the tables there"; }

# A bad value in a database table is located by schema, table, service, fid, key and column.
pg_psql -c "CREATE TABLE base.bad_output (LIKE base.industry_output INCLUDING ALL);
            INSERT INTO base.bad_output SELECT * FROM base.industry_output;
            UPDATE base.bad_output SET \"C19\" = -5 WHERE region_id::text = '330300'" || fail "bad_output"
fid=$(pg_psql -At -c "SELECT ogc_fid FROM base.bad_output WHERE region_id::text = '330300'")
jq '.data.industry_output.table = "bad_output"' "$OUT/scenarios/wenzhou_db.json" >"$OUT/scenarios/bad_value.json"
"$EXE" validate "$OUT/scenarios/bad_value.json" >"$OUT/bad_value.out" 2>&1
[ $? -eq 2 ] || { cat "$OUT/bad_value.out" >&2; fail "negative output in a database table: expected exit 2"; }
grep -qF "base.bad_output (PostgreSQL service 'planning') fid=$fid (region '330300') column 'C19': is negative (-5)" "$OUT/bad_value.out" ||
  { cat "$OUT/bad_value.out" >&2; fail "bad database value not located by table, service, fid, region and column"; }

echo "ok: postgis round trip ($(wc -l <"$OUT/scores_pg.txt") parks, $ranked ranked, $(echo "$tables" | wc -w) tables, styles opened by QGIS)"
