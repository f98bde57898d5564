import { StateConflictError } from '../errors.js';
import { SOLUTION_ACTIONS, SOLUTION_STATUSES, nextSolutionStatus, solutionStatusesAllowing } from './solution-state.js';
import type { SolutionAction, SolutionStatus } from './solution-state.js';

/** The whole table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<SolutionStatus, Record<SolutionAction, SolutionStatus | null>> = {
  draft: { edit: 'draft', publish: 'published', delist: null },
  published: { edit: 'published', publish: null, delist: 'delisted' },
  delisted: { edit: null, publish: null, delist: null },
};

describe('solution state machine', () => {
  const cells = SOLUTION_STATUSES.flatMap((state) => SOLUTION_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(nextSolutionStatus(state, action)).toBe(expected);
    } else {
      expect(() => nextSolutionStatus(state, action)).toThrow(StateConflictError);
      expect(() => nextSolutionStatus(state, action)).toThrow(`cannot ${action} a solution that is ${state}`);
    }
  });

  it('names the current state and a stable code in the conflict', () => {
    try {
      nextSolutionStatus('delisted', 'publish');
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(StateConflictError);
      expect((error as StateConflictError).code).toBe('solution_invalid_transition');
      expect((error as StateConflictError).state).toBe('delisted');
    }
  });

  it('lists the states an action may start from', () => {
    expect(solutionStatusesAllowing('edit')).toEqual(['draft', 'published']);
    expect(solutionStatusesAllowing('publish')).toEqual(['draft']);
    expect(solutionStatusesAllowing('delist')).toEqual(['published']);
  });
});
