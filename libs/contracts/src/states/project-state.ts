import { StateConflictError } from '../errors.js';

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
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, Partial<Record<ProjectAction, ProjectStatus>>>> = Object.freeze({
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

/** The state after `action`, or a 409 naming the current state. */
export function nextProjectStatus(current: ProjectStatus, action: ProjectAction): ProjectStatus {
  const next = PROJECT_TRANSITIONS[current][action];
  if (!next) throw new StateConflictError('project', current, ACTION_PHRASES[action]);
  return next;
}

/** The states from which `action` is allowed (for conditional updates and scans). */
export function projectStatusesAllowing(action: ProjectAction): ProjectStatus[] {
  return PROJECT_STATUSES.filter((s) => PROJECT_TRANSITIONS[s][action] !== undefined);
}

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/**
 * A milestone's own life cycle, keyed by the status a PATCH asks for (the
 * action is "move to"): `planned → in_progress → done`, either may be
 * cancelled, `done` and `cancelled` are final. Moving to the current status is
 * allowed for `planned` and `in_progress` (an edit of title or date).
 */
export const MILESTONE_TRANSITIONS: Readonly<Record<MilestoneStatus, readonly MilestoneStatus[]>> = Object.freeze({
  planned: ['planned', 'in_progress', 'done', 'cancelled'],
  in_progress: ['in_progress', 'done', 'cancelled'],
  done: [],
  cancelled: [],
});

/** `to` if the milestone may move there from `current`, else a 409 naming `current`. */
export function nextMilestoneStatus(current: MilestoneStatus, to: MilestoneStatus): MilestoneStatus {
  if (!MILESTONE_TRANSITIONS[current].includes(to)) {
    throw new StateConflictError('milestone', current, current === to ? 'change' : `mark ${to.replace('_', ' ')}`);
  }
  return to;
}
