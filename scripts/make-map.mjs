// Converts Natural Earth country shapes (npm world-atlas, public domain) into data/map/world.svg-paths.json:
// ISO 3166-1 alpha-3 code -> SVG path "d" (Equal Earth projection, whole-pixel coordinates), plus the viewBox.
// Run once, from the repository root:  (cd scripts/map-tool && npm install) && node scripts/make-map.mjs
// Needs: world-atlas, topojson-client, d3-geo, i18n-iso-countries (scripts/map-tool/package.json).
import { createRequire } from "node:module";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "map-tool", "package.json"));
const topojson = require("topojson-client");
const d3 = await import(require.resolve("d3-geo"));
const countries = require("i18n-iso-countries");
const scale = process.env.MAP_SCALE || "110m";
const world = require(`world-atlas/countries-${scale}.json`);
const atlasVersion = require("world-atlas/package.json").version;

const width = 960, height = 470;
const land = topojson.feature(world, world.objects.countries);
// Antarctica is left out: no state, and it would take a fifth of the map.
land.features = land.features.filter((f) => f.properties.name !== "Antarctica");
const projection = d3.geoEqualEarth().fitExtent([[4, 4], [width - 4, height - 4]], land);
const path = d3.geoPath(projection).digits(0);

// d3 writes absolute whole-unit commands (M x,y L x,y … Z); relative ones with whole-unit steps say the same in about
// half the bytes. Zero-length steps left by rounding are dropped.
function relative(d) {
  let x = 0, y = 0, sx = 0, sy = 0, out = "";
  for (const [, cmd, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (cmd === "Z") { out += "z"; x = sx; y = sy; continue; }
    const nums = args.split(/[ ,]+/).filter(Boolean).map(Number);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const dx = nums[i] - x, dy = nums[i + 1] - y;
      // The first move is absolute (so shapes can be joined) and says "l" for the relative lines after it.
      if (cmd === "M" && i === 0) { out += out ? `m${dx},${dy}` : `M${nums[i]},${nums[i + 1]}l`; sx = nums[i]; sy = nums[i + 1]; }
      else if (dx === 0 && dy === 0) continue;
      else out += (dx < 0 || out.endsWith("l") ? "" : " ") + dx + (dy < 0 ? "" : ",") + dy;
      x = nums[i]; y = nums[i + 1];
    }
  }
  return out;
}

const out = {}, unmapped = [], unassigned = {}, dots = [];
for (const f of land.features) {
  const numeric = f.id == null ? null : String(f.id).padStart(3, "0");
  const iso3 = numeric ? countries.numericToAlpha3(numeric) : undefined;
  const d = path(f);
  if (!d) continue;
  if (!iso3) {
    // Kosovo has no ISO 3166-1 code; the ledger uses the user-assigned XKX, as the EU does. Other shapes without a
    // code (N. Cyprus, Somaliland) are drawn unlabelled, as places with no state on record, never as a guessed state.
    if (f.properties.name === "Kosovo") { out.XKX = relative(d); continue; }
    unmapped.push(`${f.properties.name} (id ${f.id ?? "none"})`);
    unassigned[f.properties.name] = relative(d);
    continue;
  }
  // Drop the zero-length segments that rounding leaves behind.
  out[iso3] = (out[iso3] ? out[iso3] : "") + relative(d);
}

// States too small for the 1:110m shapes (Malta, Singapore, Andorra, island states…) get a dot at the centre of their
// 1:50m shape, so every state can be found and coloured; the dot is a path too (a circle), drawn over the land.
const stateCodes = new Set(readFileSync(join(here, "..", "data", "states", "states.csv"), "utf8").split("\n").slice(1).map((l) => l.slice(0, 3)));
const fine = topojson.feature(require("world-atlas/countries-50m.json"), require("world-atlas/countries-50m.json").objects.countries);
for (const f of fine.features) {
  const iso3 = f.id == null ? undefined : countries.numericToAlpha3(String(f.id).padStart(3, "0"));
  if (!iso3 || out[iso3] || !stateCodes.has(iso3)) continue;
  const p = projection(d3.geoCentroid(f));
  if (!p) continue;
  const [x, y] = p.map((v) => Math.round(v));
  out[iso3] = `M${x - 3},${y}a3,3 0 1,0 6,0a3,3 0 1,0 -6,0Z`;
  dots.push(iso3);
}

const file = join(here, "..", "data", "map", "world.svg-paths.json");
mkdirSync(dirname(file), { recursive: true });
// Shapes of places that are not states on record (Greenland, Puerto Rico…) keep their English name for the tooltip.
const names = Object.fromEntries(Object.keys(out).filter((k) => !stateCodes.has(k)).sort().map((k) => [k, countries.getName(k, "en") ?? k]));
const sorted = Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
writeFileSync(file, JSON.stringify({
  source: `Natural Earth 1:${scale} admin-0 countries via world-atlas ${atlasVersion} (public domain)`,
  projection: "Equal Earth",
  viewBox: `0 0 ${width} ${height}`,
  unmapped,
  dots: dots.sort(),
  names,
  paths: sorted,
  unassigned,
}) + "\n");
console.log(`${Object.keys(sorted).length} shapes written to ${file}`);
if (unmapped.length) console.log(`not mapped to an ISO code, left out: ${unmapped.join("; ")}`);
