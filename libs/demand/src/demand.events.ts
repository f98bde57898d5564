import { defineEvent } from '@smedx/platform';

export type NeedChange = 'created' | 'updated' | 'published' | 'cancelled' | 'awarded' | 'closed';

export interface NeedChangedPayload {
  needId: string;
  change: NeedChange;
}

/** Published in the transaction of every change to a need (search re-indexes, matching re-matches, bidding schedules its close). */
export const NeedChanged = defineEvent<NeedChangedPayload>('demand.need-changed');
