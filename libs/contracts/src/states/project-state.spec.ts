import { StateConflictError } from '../errors.js';
import { MILESTONE_STATE_MACHINE, MILESTONE_STATUSES, PROJECT_ACTIONS, PROJECT_STATE_MACHINE, PROJECT_STATUSES } from './project-state.js';
import type { MilestoneStatus, ProjectAction, ProjectStatus } from './project-state.js';

/** The whole project table, every cell: `null` marks a forbidden transition. */
const EXPECTED: Record<ProjectStatus, Record<ProjectAction, ProjectStatus | null>> = {
  active: {
    plan: 'active',
    log: 'active',
    report: 'active',
    pass_acceptance: 'accepted',
    fail_acceptance: 'rework',
    cancel: 'cancelled',
  },
  rework: {
    plan: 'rework',
    log: 'rework',
    report: 'rework',
    pass_acceptance: 'accepted',
    fail_acceptance: 'rework',
    cancel: 'cancelled',
  },
  accepted: { plan: null, log: null, report: null, pass_acceptance: null, fail_acceptance: null, cancel: null },
  cancelled: { plan: null, log: null, report: null, pass_acceptance: null, fail_acceptance: null, cancel: null },
};

describe('project state machine', () => {
  const cells = PROJECT_STATUSES.flatMap((state) => PROJECT_ACTIONS.map((action) => [state, action, EXPECTED[state][action]] as const));

  it.each(cells)('%s + %s → %s', (state, action, expected) => {
    if (expected) {
      expect(PROJECT_STATE_MACHINE.next(state, action)).toBe(expected);
    } else {
      expect(() => PROJECT_STATE_MACHINE.next(state, action)).toThrow(StateConflictError);
      expect(() => PROJECT_STATE_MACHINE.next(state, action)).toThrow(new RegExp(`a project that is ${state}$`));
    }
  });

  it('names the entity, the state and the action in a readable message', () => {
    expect(() => PROJECT_STATE_MACHINE.next('accepted', 'pass_acceptance')).toThrow(
      expect.objectContaining({
        code: 'project_invalid_transition',
        state: 'accepted',
        message: 'cannot pass the acceptance of a project that is accepted',
      }),
    );
    expect(() => PROJECT_STATE_MACHINE.next('cancelled', 'log')).toThrow('cannot add a service log to a project that is cancelled');
  });

  it('lists the states an action may start from', () => {
    expect(PROJECT_STATE_MACHINE.statesAllowing('plan')).toEqual(['active', 'rework']);
    expect(PROJECT_STATE_MACHINE.statesAllowing('pass_acceptance')).toEqual(['active', 'rework']);
    expect(PROJECT_STATE_MACHINE.statesAllowing('cancel')).toEqual(['active', 'rework']);
  });
});

/** Milestones, keyed by the status asked for: `true` where the move is allowed. */
const MILESTONE_EXPECTED: Record<MilestoneStatus, Record<MilestoneStatus, boolean>> = {
  planned: { planned: true, in_progress: true, done: true, cancelled: true },
  in_progress: { planned: false, in_progress: true, done: true, cancelled: true },
  done: { planned: false, in_progress: false, done: false, cancelled: false },
  cancelled: { planned: false, in_progress: false, done: false, cancelled: false },
};

describe('milestone state machine', () => {
  const cells = MILESTONE_STATUSES.flatMap((from) => MILESTONE_STATUSES.map((to) => [from, to, MILESTONE_EXPECTED[from][to]] as const));

  it.each(cells)('%s → %s allowed: %s', (from, to, allowed) => {
    if (allowed) {
      expect(MILESTONE_STATE_MACHINE.next(from, to)).toBe(to);
    } else {
      expect(() => MILESTONE_STATE_MACHINE.next(from, to)).toThrow(StateConflictError);
      expect(() => MILESTONE_STATE_MACHINE.next(from, to)).toThrow(new RegExp(`a milestone that is ${from}$`));
    }
  });

  it('phrases the refusal as the move asked for', () => {
    expect(() => MILESTONE_STATE_MACHINE.next('in_progress', 'planned')).toThrow(
      expect.objectContaining({ code: 'milestone_invalid_transition', message: 'cannot mark planned a milestone that is in_progress' }),
    );
    expect(() => MILESTONE_STATE_MACHINE.next('done', 'in_progress')).toThrow('cannot mark in progress a milestone that is done');
    expect(() => MILESTONE_STATE_MACHINE.next('done', 'done')).toThrow('cannot change a milestone that is done');
  });
});
