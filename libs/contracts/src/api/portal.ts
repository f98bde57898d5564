import { z } from 'zod';
import { count } from '../wire.js';
import { EventViewSchema } from './events.js';
import { json } from './route.js';
import { NeedHitSchema, SolutionHitSchema } from './search.js';

/** The programme's live headline figures, as the public portal shows them. */
export const PortalFiguresSchema = z.strictObject({
  /** Enterprises registered on the platform. */
  enterprises: count,
  /** Of them, in a pilot batch (试点企业). */
  pilotEnterprises: count,
  /** Enterprises at digital level 2 or above. */
  levelTwoOrAbove: count,
  /** Approved service providers. */
  providers: count,
  /** Published 小快轻准 solutions. */
  solutions: count,
  /** Needs open for bids. */
  openNeeds: count,
  /** Projects that passed acceptance. */
  acceptedProjects: count,
  /** Matchmaking events held (completed). */
  eventsHeld: count,
});
export type PortalFigures = z.output<typeof PortalFiguresSchema>;

/** `GET /portal`: what the public home shows, in one call, without a token. */
export const PortalOverviewSchema = z.strictObject({
  figures: PortalFiguresSchema,
  /** Solutions in the platform's own order (reputation with fair exposure), at most 6. */
  featuredSolutions: z.array(SolutionHitSchema),
  /** The newest published solutions, at most 6. */
  newestSolutions: z.array(SolutionHitSchema),
  /** The newest needs open for bids (public fields), at most 6. */
  newestNeeds: z.array(NeedHitSchema),
  /** Events not yet held and not cancelled, soonest first, at most 4. */
  upcomingEvents: z.array(EventViewSchema),
  /** Published solutions per scenario and per industry code (the entry tiles). */
  solutionsByScenario: z.record(z.string(), count),
  solutionsByIndustry: z.record(z.string(), count),
});
export type PortalOverview = z.output<typeof PortalOverviewSchema>;

export const portalRoutes = {
  'GET /portal': json(PortalOverviewSchema),
} as const;
