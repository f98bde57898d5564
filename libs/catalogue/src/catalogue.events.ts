import { defineEvent } from '@smedx/platform';

export type SolutionChange = 'created' | 'updated' | 'published' | 'delisted';

export interface SolutionChangedPayload {
  solutionId: string;
  change: SolutionChange;
}

/** Published in the transaction of every change to a solution (search re-indexes, matching re-matches). */
export const SolutionChanged = defineEvent<SolutionChangedPayload>('catalogue.solution-changed');
