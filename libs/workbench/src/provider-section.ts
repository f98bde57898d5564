import { Between, In, IsNull, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ACTIVE_BID_STATUSES, BID_STATUSES } from '@smedx/contracts';
import type { ProviderWorkbench } from '@smedx/contracts';
import { Bid, BidInvitation } from '@smedx/bidding';
import { Need } from '@smedx/demand';
import type { Provider } from '@smedx/directory';
import { countsByKeyAndStatus, everyStatus } from './counts.js';
import { runningProjects, withNextMilestones } from './projects-section.js';

const LISTED = 10;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** A provider section before its recommendations (the workbench adds them from the matching engine). */
export type ProviderSection = Omit<ProviderWorkbench, 'recommendedNeeds'>;

/** The provider sections: a fixed number of queries for all of the caller's providers. */
export async function providerSections(db: EntityManager, providers: readonly Provider[], now: Date): Promise<ProviderSection[]> {
  if (!providers.length) return [];
  const ids = providers.map((p) => p.id);
  const [bids, invitations, projectRows, deadlines] = await Promise.all([
    countsByKeyAndStatus(db, Bid, 'providerId', (qb) => qb.where('x.providerId IN (:...ids)', { ids })),
    openInvitations(db, ids, now),
    runningProjects(db, { side: 'providerId', ids }),
    deadlinesThisWeek(db, ids, now),
  ]);
  const projects = await withNextMilestones(db, projectRows);
  return providers.map((p) => {
    const open = invitations.filter((i) => i.providerId === p.id);
    return {
      providerId: p.id,
      providerName: p.name,
      providerStatus: p.status,
      bids: everyStatus(BID_STATUSES, bids.get(p.id)),
      invitationsOpen: open.length,
      invitations: open.slice(0, LISTED).map(({ providerId: _, ...item }) => item),
      projects: projects.filter((_, i) => projectRows[i]!.providerId === p.id).slice(0, LISTED),
      deadlinesThisWeek: deadlines.filter((d) => d.providerId === p.id).map(({ providerId: _, ...item }) => item),
    };
  });
}

/** Invitations no bid has answered, on needs still open for bids, earliest deadline first. */
async function openInvitations(db: EntityManager, providerIds: readonly string[], now: Date) {
  const rows = await db.find(BidInvitation, { where: { providerId: In([...providerIds]), bidId: IsNull() } });
  if (!rows.length) return [];
  const needs = await db.find(Need, {
    where: { id: In([...new Set(rows.map((r) => r.needId))]), status: 'published', bidDeadline: MoreThan(now) },
  });
  const needById = new Map(needs.map((n) => [n.id, n]));
  return rows
    .flatMap((r) => {
      const need = needById.get(r.needId);
      return need
        ? [
            {
              id: r.id,
              providerId: r.providerId,
              needId: need.id,
              needTitle: need.title,
              bidDeadline: need.bidDeadline,
              createdAt: r.createdAt,
            },
          ]
        : [];
    })
    .sort((a, b) => a.bidDeadline.getTime() - b.bidDeadline.getTime());
}

/** The provider's bids in the running on needs whose deadline falls in the coming seven days. */
async function deadlinesThisWeek(db: EntityManager, providerIds: readonly string[], now: Date) {
  const bids = await db.find(Bid, { where: { providerId: In([...providerIds]), status: In([...ACTIVE_BID_STATUSES]) } });
  if (!bids.length) return [];
  const needs = await db.find(Need, {
    where: { id: In([...new Set(bids.map((b) => b.needId))]), bidDeadline: Between(now, new Date(now.getTime() + WEEK_MS)) },
  });
  const needById = new Map(needs.map((n) => [n.id, n]));
  return bids
    .flatMap((b) => {
      const need = needById.get(b.needId);
      return need
        ? [
            {
              providerId: b.providerId,
              needId: need.id,
              needTitle: need.title,
              bidDeadline: need.bidDeadline,
              bidId: b.id,
              bidStatus: b.status,
            },
          ]
        : [];
    })
    .sort((a, b) => a.bidDeadline.getTime() - b.bidDeadline.getTime());
}
