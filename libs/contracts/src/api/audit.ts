import { z } from 'zod';
import { instant, pageOf, uuid } from '../wire.js';
import { json } from './route.js';

/** One entry of the audit trail: who did what to which object, when and why. */
export const AuditEntryViewSchema = z.strictObject({
  id: uuid,
  /** The user who acted; null for the system (jobs, start-up). */
  actorId: uuid.nullable(),
  /** The acting user's name (办理人), null for the system or an unknown user. */
  actorName: z.string().nullable(),
  /** What happened, e.g. `provider.approved`, `role.granted`. */
  action: z.string(),
  entityType: z.string(),
  /** The object's id (a uuid, or a job's number). */
  entityId: z.string(),
  reason: z.string().nullable(),
  /** What changed (`before`/`after`) or other facts of the decision. */
  data: z.record(z.string(), z.unknown()).nullable(),
  at: instant,
});
export type AuditEntryView = z.output<typeof AuditEntryViewSchema>;

export const auditRoutes = {
  'GET /audit': json(pageOf(AuditEntryViewSchema)),
} as const;
