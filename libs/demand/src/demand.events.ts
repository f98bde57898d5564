import { defineEvent } from '@smedx/platform';

export type NeedChange = 'created' | 'updated' | 'published' | 'cancelled' | 'awarded' | 'closed';

/** Published in the transaction of every change to a need (search re-indexes, matching re-matches). */
export const NeedChanged = defineEvent<{ needId: string; change: NeedChange }>('demand.need-changed');
