import { StateConflictError } from '../errors.js';
import {
  MILESTONE_STATUSES,
  PROJECT_ACTIONS,
  PROJECT_STATUSES,
  nextMilestoneStatus,
  nextProjectStatus,
  projectStatusesAllowing,
} from './project-state.js';
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
      expect(nextProjectStatus(state, action)).toBe(expected);
    } else {
      expect(() => nextProjectStatus(state, action)).toThrow(StateConflictError);
      expect(() => nextProjectStatus(state, action)).toThrow(new RegExp(`a project that is ${state}$`));
    }
  });

  it('names the entity, the state and the action in a readable message', () => {
    expect(() => nextProjectStatus('accepted', 'pass_acceptance')).toThrow(
      expect.objectContaining({
        code: 'project_invalid_transition',
        state: 'accepted',
        message: 'cannot pass the acceptance of a project that is accepted',
      }),
    );
    expect(() => nextProjectStatus('cancelled', 'log')).toThrow('cannot add a service log to a project that is cancelled');
  });

  it('lists the states an action may start from', () => {
    expect(projectStatusesAllowing('plan')).toEqual(['active', 'rework']);
    expect(projectStatusesAllowing('pass_acceptance')).toEqual(['active', 'rework']);
    expect(projectStatusesAllowing('cancel')).toEqual(['active', 'rework']);
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
      expect(nextMilestoneStatus(from, to)).toBe(to);
    } else {
      expect(() => nextMilestoneStatus(from, to)).toThrow(StateConflictError);
      expect(() => nextMilestoneStatus(from, to)).toThrow(new RegExp(`a milestone that is ${from}$`));
    }
  });
});
