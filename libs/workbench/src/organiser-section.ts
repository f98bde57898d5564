import { In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { EVENT_STATUSES } from '@smedx/contracts';
import type { OrganiserWorkbench } from '@smedx/contracts';
import { EventRegistration, MatchmakingEvent } from '@smedx/events';
import { countsByKeyAndStatus, everyStatus } from './counts.js';

const LISTED = 10;

/** An organiser's own events by status and the registrations waiting for its decision. */
export async function organiserSection(db: EntityManager, organiserId: string): Promise<OrganiserWorkbench> {
  const [events, pending] = await Promise.all([
    countsByKeyAndStatus(db, MatchmakingEvent, 'organizerId', (qb) => qb.where('x.organizerId = :organiserId', { organiserId })),
    db
      .createQueryBuilder(EventRegistration, 'r')
      .innerJoin(MatchmakingEvent, 'e', 'e.id = r.eventId')
      .select('r.eventId', 'eventId')
      .addSelect('COUNT(*)', 'count')
      .where('e.organizerId = :organiserId', { organiserId })
      .andWhere("r.status = 'pending'")
      .groupBy('r.eventId')
      .getRawMany<{ eventId: string; count: string | number }>(),
  ]);
  const counts = new Map(pending.map((p) => [p.eventId, Number(p.count)]));
  const withPending = counts.size
    ? await db.find(MatchmakingEvent, { where: { id: In([...counts.keys()]) }, order: { startsAt: 'ASC', id: 'ASC' }, take: LISTED })
    : [];
  return {
    events: everyStatus(EVENT_STATUSES, events.get(organiserId)),
    registrationsPending: [...counts.values()].reduce((sum, n) => sum + n, 0),
    eventsWithPending: withPending.map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, pending: counts.get(e.id) ?? 0 })),
  };
}
