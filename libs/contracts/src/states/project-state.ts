import { StateConflictError } from '../errors.js';
import { stateMachine } from '../state-machine.js';
import type { TransitionTable } from '../state-machine.js';

export const PROJECT_STATUSES = ['active', 'rework', 'accepted', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/**
 * What can happen to a project: `plan` (add or change a milestone), `log` (a
 * service-tracking entry), `report` (an assessor's monitoring report), the two
 * acceptance outcomes, and `cancel`.
 */
export const PROJECT_ACTIONS = ['plan', 'log', 'report', 'pass_acceptance', 'fail_acceptance', 'cancel'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

/**
 * The project life cycle, state × action → state; a missing cell is a
 * forbidden transition (409 naming the current state).
 *
 * A failed acceptance sends the project to `rework`: the parties keep working
 * (milestones, logs, monitoring) and an assessor runs the acceptance again,
 * as often as it takes. `accepted` and `cancelled` are final: an accepted
 * project is a case and the basis of a subsidy application, so nothing about
 * it changes afterwards.
 */
export const PROJECT_TRANSITIONS: TransitionTable<ProjectStatus, ProjectAction> = Object.freeze({
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
  accepted: {},
  cancelled: {},
});

/** How a refused action reads in the 409 message ("cannot … a project that is accepted"). */
const ACTION_PHRASES: Readonly<Record<ProjectAction, string>> = {
  plan: 'change the milestones of',
  log: 'add a service log to',
  report: 'file a monitoring report on',
  pass_acceptance: 'pass the acceptance of',
  fail_acceptance: 'fail the acceptance of',
  cancel: 'cancel',
};

export const PROJECT_STATE_MACHINE = stateMachine('project', PROJECT_STATUSES, PROJECT_TRANSITIONS, {
  conflict: (state, action) => new StateConflictError('project', state, ACTION_PHRASES[action]),
});

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** A milestone still to do: neither done nor cancelled (overdue checks, the acceptance rule, the workbench). */
export const OPEN_MILESTONE_STATUSES = ['planned', 'in_progress'] as const satisfies readonly MilestoneStatus[];

export function isOpenMilestone(m: { status: string }): boolean {
  return (OPEN_MILESTONE_STATUSES as readonly string[]).includes(m.status);
}

/**
 * A milestone's own life cycle, keyed by the status a PATCH asks for (the
 * action is "move to", so each allowed cell names its own column):
 * `planned → in_progress → done`, either may be cancelled, `done` and
 * `cancelled` are final. Moving to the current status is allowed for `planned`
 * and `in_progress` (an edit of title or date).
 */
export const MILESTONE_TRANSITIONS: TransitionTable<MilestoneStatus, MilestoneStatus> = Object.freeze({
  planned: { planned: 'planned', in_progress: 'in_progress', done: 'done', cancelled: 'cancelled' },
  in_progress: { in_progress: 'in_progress', done: 'done', cancelled: 'cancelled' },
  done: {},
  cancelled: {},
});

/** `next(current, to)` is `to` where the move is allowed, else a 409 naming `current`. */
export const MILESTONE_STATE_MACHINE = stateMachine('milestone', MILESTONE_STATUSES, MILESTONE_TRANSITIONS, {
  conflict: (state, to) => new StateConflictError('milestone', state, state === to ? 'change' : `mark ${to.replace('_', ' ')}`),
});
