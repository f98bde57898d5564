import { defineJob } from '@smedx/platform';

export interface AuditRecordPayload {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  reason?: string | null;
  data?: Record<string, unknown> | null;
  /** ISO instant of the change. */
  at: string;
}

export const AuditRecordJob = defineJob<AuditRecordPayload>('audit.record');
