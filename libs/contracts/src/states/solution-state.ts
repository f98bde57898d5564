import { StateConflictError } from '../errors.js';

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
export const SOLUTION_TRANSITIONS: Readonly<Record<SolutionStatus, Partial<Record<SolutionAction, SolutionStatus>>>> = Object.freeze({
  draft: { edit: 'draft', publish: 'published' },
  published: { edit: 'published', delist: 'delisted' },
  delisted: {},
});

/** The state after `action`, or a 409 naming the current state. */
export function nextSolutionStatus(current: SolutionStatus, action: SolutionAction): SolutionStatus {
  const next = SOLUTION_TRANSITIONS[current][action];
  if (!next) throw new StateConflictError('solution', current, action);
  return next;
}

/** The states from which `action` is allowed (for conditional updates). */
export function solutionStatusesAllowing(action: SolutionAction): SolutionStatus[] {
  return SOLUTION_STATUSES.filter((s) => SOLUTION_TRANSITIONS[s][action] !== undefined);
}
