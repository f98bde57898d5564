import { z } from 'zod';
import { count } from '../wire.js';

/**
 * A provider's track record, kept on the provider and updated by the projects
 * and events contexts; shown on a bid and on the provider. (Shared by the
 * bidding and directory contracts.)
 */
export const ProviderRecordSchema = z.strictObject({
  /** In [0, 1]; null before its first acceptance. */
  acceptancePassRate: z.number().nullable(),
  completedProjects: count,
  ratingAverage: z.number().nullable(),
  ratingCount: count,
  /** Events it registered for and did not attend. */
  noShows: count,
});
export type ProviderRecord = z.output<typeof ProviderRecordSchema>;
