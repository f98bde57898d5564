/**
 * The meeting scheduler's input and output: plain data (ids and numbers), so
 * the same function runs in the service, the property tests and the benchmark.
 */

/** Why a pair is meeting: both asked, one side asked, or the match score alone. */
import type { MeetingKind, UnmetReason } from '@smedx/contracts';

export { MEETING_KINDS } from '@smedx/contracts';
export type { MeetingKind, UnmetReason } from '@smedx/contracts';

export interface PairScoreInput {
  enterpriseId: string;
  providerId: string;
  /** Match score in [0, 1]; values outside are clamped. */
  score: number;
}

export interface SchedulerOptions {
  /**
   * Recommended (not requested) pairs considered per enterprise: its best
   * `recommendationsPerEnterprise` providers by score among those sharing at
   * least one available slot with it. Default {@link DEFAULT_RECOMMENDATIONS}.
   */
  recommendationsPerEnterprise?: number;
  /** A pair scoring below this is never recommended (requests still count). Default 0 (any positive score). */
  minRecommendedScore?: number;
}

export const DEFAULT_RECOMMENDATIONS = 6;

export interface ScheduleInput {
  enterprises: readonly string[];
  providers: readonly string[];
  /** Number of meeting slots; slots are numbered from 0. */
  slots: number;
  /** Tables, i.e. meetings that can run at once in one slot. */
  tables: number;
  /** Organisation id → the slots it can attend. An organisation left out attends none. */
  availability: Readonly<Record<string, readonly number[]>>;
  /** Organisation id → the organisations (of the other side) it wants to meet. */
  wants: Readonly<Record<string, readonly string[]>>;
  /** Match scores of enterprise–provider pairs; a pair left out scores 0. */
  scores: readonly PairScoreInput[];
  /** Meetings each enterprise should have at least, where the instance allows it. */
  minPerEnterprise: number;
  /** Meetings a provider may have at most. */
  maxPerProvider: number;
  options?: SchedulerOptions;
}

export interface ScheduledMeeting {
  slot: number;
  table: number;
  enterpriseId: string;
  providerId: string;
  kind: MeetingKind;
  /** {@link meetingValue} of the pair. */
  value: number;
  /** The pair's match score. */
  score: number;
}

/** Why an enterprise ended below the minimum. */
export { UNMET_REASONS } from '@smedx/contracts';

export interface UnmetMinimum {
  enterpriseId: string;
  /** Meetings it got. */
  meetings: number;
  required: number;
  reason: UnmetReason;
  /** The reason in plain words, for the organiser. */
  message: string;
}

export interface ScheduleResult {
  /** Ordered by slot, then table. */
  meetings: ScheduledMeeting[];
  unmetMinimums: UnmetMinimum[];
  /** Σ value of the meetings. */
  totalValue: number;
  /** Candidate pairs the scheduler chose from (requested ∪ recommended). */
  candidates: number;
}
