import { z } from 'zod';
import { json } from './route.js';

/** One indicator's state, with what it adds (e.g. a `message` when degraded). */
const IndicatorSchema = z.looseObject({ status: z.enum(['up', 'degraded', 'down']) });

/**
 * `GET /health`: the database must answer; Redis, when configured, only degrades it.
 * (A failing check answers 503 with the same shape and status `error`.)
 */
export const HealthViewSchema = z.strictObject({
  status: z.enum(['ok', 'degraded', 'error', 'shutting_down']),
  /** The indicators that are up or degraded. */
  info: z.record(z.string(), IndicatorSchema).optional(),
  /** The indicators that are down. */
  error: z.record(z.string(), IndicatorSchema).optional(),
  details: z.record(z.string(), IndicatorSchema),
});
export type HealthView = z.output<typeof HealthViewSchema>;

/** `GET /health/live`: the process answers. */
export const LivenessViewSchema = z.strictObject({ status: z.literal('ok') });

export const healthRoutes = {
  'GET /health': json(HealthViewSchema),
  'GET /health/live': json(LivenessViewSchema),
  /** Database up, search index built, not draining; 503 with the same shape otherwise. */
  'GET /health/ready': json(HealthViewSchema),
} as const;
