import { z } from 'zod';
import { count, instant, pageOf, uuid } from '../wire.js';
import { digitalLevel } from './directory.js';
import { XLSX, file, json } from './route.js';

/**
 * The columns of a cell: official digital levels 1–4 and `none` (no level from an on-site
 * assessment or an acceptance test: never assessed, or only a self-check).
 */
export const MAP_LEVEL_KEYS = ['1', '2', '3', '4', 'none'] as const;
export type MapLevelKey = (typeof MAP_LEVEL_KEYS)[number];

/** Pilot batches (the taxonomy's codes) and `none` for enterprises not in the pilot pool. */
export const MAP_BATCH_KEYS = ['sample', 'batch1', 'batch2', 'none'] as const;
export type MapBatchKey = (typeof MAP_BATCH_KEYS)[number];

/** Enterprises of one slice of the map: how many, by official level and by pilot batch. */
export const MapCountsSchema = z.strictObject({
  total: count,
  byLevel: z.record(z.enum(MAP_LEVEL_KEYS), count),
  byBatch: z.record(z.enum(MAP_BATCH_KEYS), count),
  /** Mean official level of the enterprises that have one, two decimals; null when none has. */
  meanLevel: z.number().nullable(),
});
export type MapCounts = z.output<typeof MapCountsSchema>;

/** A code of a dimension with its Chinese name. */
const named = { code: z.string(), name: z.string() };

/** `GET /indicators/industry-map`: enterprises by district × industry, by digital level and pilot batch. */
export const IndustryMapViewSchema = z.strictObject({
  asOf: instant,
  /** City officers and admins: the city (or the district asked for); a district officer: their district. */
  scope: z.strictObject({ level: z.enum(['city', 'district']), district: z.string().nullable(), districtName: z.string().nullable() }),
  filters: z.strictObject({ batch: z.enum(MAP_BATCH_KEYS).nullable(), level: z.enum(MAP_LEVEL_KEYS).nullable() }),
  /** The names of the columns, in order. */
  levels: z.array(z.strictObject({ code: z.enum(MAP_LEVEL_KEYS), name: z.string() })),
  batches: z.array(z.strictObject({ code: z.enum(MAP_BATCH_KEYS), name: z.string() })),
  /** The districts in scope, in the taxonomy's order, with their GB/T 2260 code (the map's feature `adcode`). */
  districts: z.array(z.strictObject({ ...named, adminCode: z.string(), ...MapCountsSchema.shape })),
  /** Every "3+N" industry, in the taxonomy's order. */
  industries: z.array(z.strictObject({ ...named, ...MapCountsSchema.shape })),
  /** One per district in scope × industry (empty cells included), district by district. */
  cells: z.array(z.strictObject({ district: z.string(), industry: z.string(), ...MapCountsSchema.shape })),
  total: MapCountsSchema,
});
export type IndustryMapView = z.output<typeof IndustryMapViewSchema>;

/** An enterprise of a cell, as officers list it: no identity number, no money. */
export const IndustryMapEnterpriseViewSchema = z.strictObject({
  id: uuid,
  name: z.string(),
  industry: z.string(),
  district: z.string(),
  scale: z.string(),
  /** The official level (on-site assessment or acceptance); null otherwise. */
  digitalLevel: digitalLevel.nullable(),
  digitalLevelAt: instant.nullable(),
  /** A self-check's level, advisory, when that is the enterprise's only level. */
  selfCheckLevel: digitalLevel.nullable(),
  pilotBatch: z.string().nullable(),
  isSpecialised: z.boolean(),
});
export type IndustryMapEnterpriseView = z.output<typeof IndustryMapEnterpriseViewSchema>;

export const industryMapRoutes = {
  'GET /indicators/industry-map': json(IndustryMapViewSchema),
  'GET /indicators/industry-map/enterprises': json(pageOf(IndustryMapEnterpriseViewSchema)),
  'GET /indicators/industry-map/export.xlsx': file(XLSX),
} as const;
