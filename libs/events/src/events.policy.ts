import { hasRole } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import type { MatchmakingEvent } from './entities/event.entity.js';

/** The event's organiser: the organizer-role user who created it (another organiser runs their own events). */
export function isEventOrganiser(actor: Principal, event: Pick<MatchmakingEvent, 'organizerId'>): boolean {
  return event.organizerId === actor.userId && hasRole(actor, 'organizer');
}

/** Programme oversight: reads every event and its report. */
export function isEventOverseer(actor: Principal): boolean {
  return hasRole(actor, 'city_officer', 'admin');
}

/** A draft exists only for its organiser (and overseers) until registration opens. */
export function mayViewEvent(actor: Principal, event: Pick<MatchmakingEvent, 'organizerId' | 'status'>): boolean {
  return event.status !== 'draft' || isEventOrganiser(actor, event) || isEventOverseer(actor);
}
