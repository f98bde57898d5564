import { defineJob } from '@smedx/platform';

export type SolutionChange = 'created' | 'updated' | 'published' | 'delisted';

/** Written in the transaction of every change to a solution; the search context re-indexes it. */
export const SolutionChangedJob = defineJob<{ solutionId: string; change: SolutionChange }>('catalogue.solution-changed');
