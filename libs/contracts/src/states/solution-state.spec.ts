import { StateConflictError } from '../errors.js';
import { SOLUTION_ACTIONS, SOLUTION_STATE_MACHINE, SOLUTION_STATUSES } from './solution-state.js';
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
      expect(SOLUTION_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => SOLUTION_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => SOLUTION_STATE_MACHINE.next(state, action)).toThrow(`cannot ${action} a solution that is ${state}`);
    }
  });

  it('names the current state and a stable code in the conflict', () => {
    try {
      SOLUTION_STATE_MACHINE.next('delisted', 'publish');
      throw new Error('expected a conflict');
    } catch (error) {
      expect(error).toBeInstanceOf(StateConflictError);
      expect((error as StateConflictError).code).toBe('solution_invalid_transition');
      expect((error as StateConflictError).state).toBe('delisted');
    }
  });

  it('lists the states an action may start from', () => {
    expect(SOLUTION_STATE_MACHINE.statesAllowing('edit')).toEqual(['draft', 'published']);
    expect(SOLUTION_STATE_MACHINE.statesAllowing('publish')).toEqual(['draft']);
    expect(SOLUTION_STATE_MACHINE.statesAllowing('delist')).toEqual(['published']);
  });
});
