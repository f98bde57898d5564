import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const SOLUTION_STATUSES = ['draft', 'published', 'delisted'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

export const SOLUTION_ACTIONS = ['edit', 'publish', 'delist'] as const;
export type SolutionAction = (typeof SOLUTION_ACTIONS)[number];

/**
 * The solution life cycle, state × action → state; a missing cell is a
 * forbidden transition. `edit` keeps the state: a published solution may be
 * corrected in place (and is re-indexed), a delisted one is frozen — it is
 * history, and listing it again would bypass the provider's current standing.
 */
export const SOLUTION_TRANSITIONS: TransitionTable<SolutionStatus, SolutionAction> = Object.freeze({
  draft: { edit: 'draft', publish: 'published' },
  published: { edit: 'published', delist: 'delisted' },
  delisted: {},
});

export const SOLUTION_STATE_MACHINE = stateMachine('solution', SOLUTION_STATUSES, SOLUTION_TRANSITIONS);
