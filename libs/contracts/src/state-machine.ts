import { StateConflictError } from './errors.js';
import type { ErrorEntity } from './errors/error-codes.js';

/** A transition table: state × action → state; a missing cell is a forbidden transition. */
export type TransitionTable<S extends string, A extends string> = Readonly<Record<S, Partial<Record<A, S>>>>;

/**
 * One life cycle as data, with the questions every context asks of it. The
 * table stays the single source: `next` reads a cell, `statesAllowing` a
 * column, `actionsFrom` a row.
 *
 * `C` is what a {@link StateMachineOptions.guard} needs besides the state (the
 * clock and an expiry, say); without a guard it is `void` and `next` takes two
 * arguments.
 */
export interface StateMachine<S extends string, A extends string, C = void> {
  /** What the 409 names (`need`, `bid`, …): its code is `<subject>_invalid_transition`. */
  readonly subject: ErrorEntity;
  readonly states: readonly S[];
  readonly transitions: TransitionTable<S, A>;
  /**
   * The state after `action`, or a {@link StateConflictError} naming the
   * current state (the table is asked first: a forbidden cell is a 409 whatever
   * the guard would say), or the guard's error.
   */
  next(current: S, action: A, context: C): S;
  /** Whether the table allows `action` in `current` (the guard is not asked). */
  can(current: S, action: A): boolean;
  /** The states from which `action` is allowed (for conditional updates: `WHERE status IN (…)`). */
  statesAllowing(action: A): S[];
  /** The actions allowed in `current`, in the table's order. */
  actionsFrom(current: S): A[];
}

export interface StateMachineOptions<S extends string, A extends string, C = void> {
  /** The error for a refused action, when the generic one does not read well. */
  conflict?: (current: S, action: A) => Error;
  /**
   * A rule beyond the table, asked only for a transition the table allows: it
   * throws to refuse (an invitation past its expiry is gone, 410).
   */
  guard?: (current: S, action: A, context: C) => void;
}

export function stateMachine<S extends string, A extends string, C = void>(
  subject: ErrorEntity,
  states: readonly S[],
  transitions: TransitionTable<S, A>,
  options: StateMachineOptions<S, A, C> = {},
): StateMachine<S, A, C> {
  const conflict = options.conflict ?? ((current: S, action: A) => new StateConflictError(subject, current, action));
  const guard = options.guard;
  return Object.freeze({
    subject,
    states,
    transitions,
    next(current: S, action: A, context: C): S {
      const next = transitions[current]?.[action];
      if (next === undefined) throw conflict(current, action);
      guard?.(current, action, context);
      return next;
    },
    can: (current: S, action: A) => transitions[current]?.[action] !== undefined,
    statesAllowing: (action: A) => states.filter((s) => transitions[s][action] !== undefined),
    actionsFrom: (current: S) => Object.keys(transitions[current] ?? {}) as A[],
  });
}
