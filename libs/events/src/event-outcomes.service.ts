import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CLOCK, ForbiddenError, NotFoundError, OutboxService, UnitOfWork, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService, ProviderChanged } from '@smedx/directory';
import type { OutcomeInput } from './dto/events.dto.js';
import { EventMeeting, NO_SHOW_PARTIES } from './entities/event-meeting.entity.js';
import { EventRegistration } from './entities/event-registration.entity.js';
import { EVENT_STATE_MACHINE } from '@smedx/contracts';
import { EventsService } from './events.service.js';
import { isEventOrganiser, isEventOverseer } from './events.policy.js';
import { meetingView } from './events.views.js';
import type { EventReport, KindFigures, MeetingView } from './events.views.js';
import { arrivalsByTime } from './event-check-in.service.js';
import { MEETING_KINDS } from './scheduler/schedule-types.js';
import type { MeetingKind } from './scheduler/schedule-types.js';

/** The provider missed the meeting (alone or with the enterprise): what counts on its record. */
const PROVIDER_NO_SHOW = NO_SHOW_PARTIES.filter((p) => p !== 'enterprise');

/**
 * The event day and after (check-in has its own service): each meeting's outcome (held or who
 * missed it, intent, contract), the provider record's no-shows, and the
 * event report with its funnel.
 */
@Injectable()
export class EventOutcomesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly directory: DirectoryService,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Records (or corrects) a meeting's outcome — the organiser's record of
   * the day. A provider's no-shows are recounted onto its record (which
   * lowers its match scores), so a correction undoes a wrong one.
   */
  async recordOutcome(actor: Principal, id: string, mid: string, input: OutcomeInput): Promise<MeetingView> {
    await this.uow.run(async (tx) => {
      const event = await this.events.forOrganiser(tx, actor, id);
      EVENT_STATE_MACHINE.next(event.status, 'record_outcome');
      const meeting = isUuid(mid) ? await tx.findOneBy(EventMeeting, { id: mid, eventId: id }) : null;
      if (!meeting) throw new NotFoundError('meeting', mid);
      const noShowBy = input.held ? null : input.noShowBy!;
      await tx.update(
        EventMeeting,
        { id: mid },
        {
          held: input.held,
          intent: input.intent,
          contract: input.contract,
          noShowBy,
          outcomeAt: this.clock.now(),
          outcomeBy: actor.userId,
        },
      );
      const providerMissed = (party: string | null) => party !== null && (PROVIDER_NO_SHOW as readonly string[]).includes(party);
      if (providerMissed(meeting.noShowBy) !== providerMissed(noShowBy)) await this.recountNoShows(tx, meeting.providerId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'event.meeting_outcome',
        entityType: 'event',
        entityId: id,
        data: {
          meetingId: mid,
          before: { held: meeting.held, intent: meeting.intent, contract: meeting.contract, noShowBy: meeting.noShowBy },
          after: { held: input.held, intent: input.intent, contract: input.contract, noShowBy },
        },
      });
    });
    const event = await this.events.visible(actor, id);
    const meeting = await this.dataSource.manager.findOneByOrFail(EventMeeting, { id: mid });
    return meetingView(meeting, event, await this.events.names([meeting.enterpriseId, meeting.providerId]));
  }

  /**
   * The event report: registrations and check-ins per side, arrivals by
   * time, meetings from proposal to contract, figures per kind of meeting, how often a
   * recommended-only meeting led to an intent, and the no-shows. For the
   * organiser and overseers.
   */
  async report(actor: Principal, id: string): Promise<EventReport> {
    const event = await this.events.visible(actor, id);
    if (!isEventOrganiser(actor, event) && !isEventOverseer(actor)) {
      throw new ForbiddenError("only the event's organiser and city officers read its report", 'not_organiser');
    }
    const [meetings, registrations] = await Promise.all([
      this.dataSource.getRepository(EventMeeting).findBy({ eventId: id }),
      this.dataSource.getRepository(EventRegistration).findBy({ eventId: id }),
    ]);
    const side = (s: 'enterprise' | 'provider') => {
      const mine = registrations.filter((r) => r.side === s);
      return {
        pending: mine.filter((r) => r.status === 'pending').length,
        approved: mine.filter((r) => r.status === 'approved').length,
        rejected: mine.filter((r) => r.status === 'rejected').length,
        checkedIn: mine.filter((r) => r.checkedInAt).length,
      };
    };
    const figures = (list: EventMeeting[]): KindFigures => {
      const intents = list.filter((m) => m.held && m.intent).length;
      return {
        meetings: list.length,
        held: list.filter((m) => m.held === true).length,
        noShows: list.filter((m) => m.held === false).length,
        intents,
        contracts: list.filter((m) => m.held && m.contract).length,
        intentRate: rate(intents, list.length),
      };
    };
    const byKind = Object.fromEntries(MEETING_KINDS.map((k) => [k, figures(meetings.filter((m) => m.kind === k))])) as Record<
      MeetingKind,
      KindFigures
    >;
    const all = figures(meetings);
    const noShowsByProvider = meetings.filter((m) => m.noShowBy && (PROVIDER_NO_SHOW as readonly string[]).includes(m.noShowBy));
    const perProvider = new Map<string, number>();
    for (const m of noShowsByProvider) perProvider.set(m.providerId, (perProvider.get(m.providerId) ?? 0) + 1);
    const names = await this.events.names([...perProvider.keys()]);
    const recommended = byKind.recommended;
    const proposed = event.proposedMeetings ?? 0;
    return {
      eventId: id,
      title: event.title,
      status: event.status,
      registrations: { enterprises: side('enterprise'), providers: side('provider') },
      meetings: {
        proposed,
        scheduled: meetings.length,
        recorded: meetings.filter((m) => m.held !== null).length,
        held: all.held,
        noShows: all.noShows,
        noShowsByProvider: noShowsByProvider.length,
        noShowsByEnterprise: meetings.filter((m) => m.noShowBy === 'enterprise' || m.noShowBy === 'both').length,
        intents: all.intents,
        contracts: all.contracts,
        pending: meetings.filter((m) => m.held === null).length,
      },
      byKind,
      recommendations: {
        meetings: recommended.meetings,
        held: recommended.held,
        intents: recommended.intents,
        intentRate: recommended.intentRate,
        intentRateOfHeld: rate(recommended.intents, recommended.held),
      },
      funnel: [
        { stage: 'proposed', count: proposed },
        { stage: 'scheduled', count: meetings.length },
        { stage: 'held', count: all.held },
        { stage: 'intent', count: all.intents },
        { stage: 'contract', count: all.contracts },
      ],
      unmetMinimums: event.unmetMinimums ?? [],
      providerNoShows: [...perProvider]
        .map(([providerId, noShows]) => ({ providerId, providerName: names.get(providerId) ?? '', noShows }))
        .sort((a, b) => b.noShows - a.noShows || a.providerId.localeCompare(b.providerId)),
      arrivals: arrivalsByTime(registrations),
    };
  }

  /**
   * Sets the provider's `noShows` to the meetings it missed at any event:
   * counted, not incremented, so a corrected outcome and a retried request
   * leave the same figure. Matching re-scores the provider.
   */
  private async recountNoShows(tx: EntityManager, providerId: string): Promise<void> {
    const noShows = await tx.countBy(EventMeeting, { providerId, noShowBy: In([...PROVIDER_NO_SHOW]) });
    await this.directory.updateRecord(tx, providerId, { noShows });
    await this.outbox.publish(tx, ProviderChanged, { providerId, change: 'profile' });
  }
}

function rate(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 10_000) / 10_000 : null;
}
