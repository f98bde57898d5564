import { defineJob } from '@smedx/platform';

export type NeedChange = 'created' | 'updated' | 'published' | 'cancelled';

/** Written in the transaction of every change to a need; the search context re-indexes it. */
export const NeedChangedJob = defineJob<{ needId: string; change: NeedChange }>('demand.need-changed');
