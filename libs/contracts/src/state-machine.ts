import { StateConflictError } from './errors.js';

/** A transition table: state × action → state; a missing cell is a forbidden transition. */
export type TransitionTable<S extends string, A extends string> = Readonly<Record<S, Partial<Record<A, S>>>>;

/**
 * One life cycle as data, with the questions every context asks of it. The
 * table stays the single source: `next` reads a cell, `statesAllowing` a
 * column, `actionsFrom` a row.
 */
export interface StateMachine<S extends string, A extends string> {
  /** What the 409 names (`need`, `bid`, …): its code is `<subject>_invalid_transition`. */
  readonly subject: string;
  readonly states: readonly S[];
  readonly transitions: TransitionTable<S, A>;
  /** The state after `action`, or a {@link StateConflictError} naming the current state. */
  next(current: S, action: A): S;
  /** Whether `action` is allowed in `current`. */
  can(current: S, action: A): boolean;
  /** The states from which `action` is allowed (for conditional updates: `WHERE status IN (…)`). */
  statesAllowing(action: A): S[];
  /** The actions allowed in `current`, in the table's order. */
  actionsFrom(current: S): A[];
}

export interface StateMachineOptions<S extends string, A extends string> {
  /** The error for a refused action, when the generic one does not read well. */
  conflict?: (current: S, action: A) => Error;
}

export function stateMachine<S extends string, A extends string>(
  subject: string,
  states: readonly S[],
  transitions: TransitionTable<S, A>,
  options: StateMachineOptions<S, A> = {},
): StateMachine<S, A> {
  const conflict = options.conflict ?? ((current: S, action: A) => new StateConflictError(subject, current, action));
  return Object.freeze({
    subject,
    states,
    transitions,
    next(current: S, action: A): S {
      const next = transitions[current]?.[action];
      if (next === undefined) throw conflict(current, action);
      return next;
    },
    can: (current: S, action: A) => transitions[current]?.[action] !== undefined,
    statesAllowing: (action: A) => states.filter((s) => transitions[s][action] !== undefined),
    actionsFrom: (current: S) => Object.keys(transitions[current] ?? {}) as A[],
  });
}
