import { defineEvent } from '@smedx/platform';

export type SolutionChange = 'created' | 'updated' | 'published' | 'delisted';

/** Published in the transaction of every change to a solution (search re-indexes, matching re-matches). */
export const SolutionChanged = defineEvent<{ solutionId: string; change: SolutionChange }>('catalogue.solution-changed');
