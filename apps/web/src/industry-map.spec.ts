import { readFileSync } from 'node:fs';
import { DISTRICTS } from '@smedx/taxonomy';

interface Outline {
  type: string;
  features: { properties: { name: string; adcode: string }; geometry: { type: string; coordinates: unknown } }[];
}

const outline = JSON.parse(readFileSync(new URL('./assets/geo/shenyang-districts.json', import.meta.url), 'utf8')) as Outline;

describe('the bundled Shenyang district outline', () => {
  it("has one feature per district of the taxonomy, with the taxonomy's name and code", () => {
    expect(outline.type).toBe('FeatureCollection');
    const features = outline.features.map((f) => [f.properties.adcode, f.properties.name]).sort();
    expect(features).toEqual(DISTRICTS.map((d) => [d.adminCode, d.name]).sort());
  });

  it('holds closed polygons only', () => {
    for (const { geometry } of outline.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(geometry.type);
      const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
      }
    }
  });
});
