import { defineJob } from '@smedx/platform';

/** Due at a need's bid deadline: closes bidding and tells the enterprise (no-op if the deadline moved or bidding is closed). */
export interface BiddingClosePayload {
  needId: string;
  /** The deadline the job was scheduled for (ISO 8601), for the logs; the handler reads the current one. */
  bidDeadline: string;
}
export const BiddingCloseJob = defineJob<BiddingClosePayload>('bidding.close');

/** Job names of the bidding context's reactions to need changes. */
export const SCHEDULE_CLOSE_JOB = 'bidding.schedule-close';
export const RELEASE_BIDS_JOB = 'bidding.release-bids';
