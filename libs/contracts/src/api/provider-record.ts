import { z } from 'zod';
import { count } from '../wire.js';

/**
 * A provider's track record, kept on the provider and updated by the projects
 * and events contexts; shown on a bid and on the provider. (Shared by the
 * bidding and directory contracts.)
 */
export const ProviderRecordSchema = z.strictObject({
  acceptancePassRate: z.number().nullable(),
  completedProjects: count,
  ratingAverage: z.number().nullable(),
  ratingCount: count,
  noShows: count,
});
export type ProviderRecord = z.output<typeof ProviderRecordSchema>;
