// Extracts the land outline used by the ClusterShift sample data generator.
// Input: Natural Earth 1:10m admin-0 countries (public domain) as TopoJSON from the npm
// package world-atlas; converted with topojson-client. Output: GeoJSON FeatureCollection
// with one MultiPolygon: mainland China incl. its islands (Natural Earth feature "China",
// id 156), keeping only the polygons that touch the study-area window.
// Usage: node land.js OUT.geojson
"use strict";
const fs = require("fs");
const path = require("path");
const topojson = require("topojson-client");

const out = process.argv[2];
if (!out) {
  console.error("usage: node land.js OUT.geojson");
  process.exit(2);
}
const topoPath = require.resolve("world-atlas/countries-10m.json");
const topology = JSON.parse(fs.readFileSync(topoPath, "utf8"));
const countries = topojson.feature(topology, topology.objects.countries);
const china = countries.features.find((f) => f.id === "156");
if (!china) {
  console.error("land.js: feature id 156 (China) not found in " + path.basename(topoPath));
  process.exit(1);
}
// Study-area window (lon/lat): the seven provinces plus a margin.
const [minX, minY, maxX, maxY] = [106.0, 18.5, 125.0, 37.5];
const polys = china.geometry.type === "MultiPolygon" ? china.geometry.coordinates : [china.geometry.coordinates];
const kept = polys.filter((poly) =>
  poly[0].some(([x, y]) => x >= minX && x <= maxX && y >= minY && y <= maxY));
const round = (v) => Math.round(v * 1e6) / 1e6;
const geom = {
  type: "MultiPolygon",
  coordinates: kept.map((poly) => poly.map((ring) => ring.map(([x, y]) => [round(x), round(y)]))),
};
const fc = {
  type: "FeatureCollection",
  features: [{ type: "Feature", properties: { name: "China", source: "Natural Earth 1:10m via world-atlas" }, geometry: geom }],
};
fs.writeFileSync(out, JSON.stringify(fc));
console.error(`land.js: kept ${kept.length} of ${polys.length} polygons -> ${out}`);
