import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, ForbiddenError, InvalidInputError, NotFoundError, isMember } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import type { AgendaQuery, EventPageQuery } from './dto/events.dto.js';
import type { MatchmakingEvent } from './entities/event.entity.js';
import { EventMeeting } from './entities/event-meeting.entity.js';
import type { EventRegistration } from './entities/event-registration.entity.js';
import { EventCheckInService } from './event-check-in.service.js';
import { EventStateConflictError, agendaVisible } from '@smedx/contracts';
import { EventsService } from './events.service.js';
import { isEventOrganiser, isEventOverseer } from './events.policy.js';
import { meetingView, slotStart } from './events.views.js';
import type { AgendaView, MeetingView, Page } from './events.views.js';
import { toIcs } from './ics.js';

const KIND_LABEL = { mutual: '双方互选', requested: '单方邀约', recommended: '平台推荐' } as const;

/**
 * The reads of an event's 1:1 meeting schedule: the whole schedule for the
 * organiser and overseers, and each participant's agenda (JSON or iCalendar).
 * The schedule's commands live in {@link EventScheduleService}.
 */
@Injectable()
export class EventScheduleQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly checkIns: EventCheckInService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The schedule, by slot and table: for the organiser and overseers (participants read their agendas). */
  async listMeetings(actor: Principal, id: string, query: EventPageQuery): Promise<Page<MeetingView>> {
    const event = await this.events.visible(actor, id);
    if (!isEventOrganiser(actor, event) && !isEventOverseer(actor)) {
      throw new ForbiddenError('the whole schedule is for the organiser; participants read GET /events/:id/agenda', 'not_organiser');
    }
    const [rows, total] = await this.dataSource.getRepository(EventMeeting).findAndCount({
      where: { eventId: id },
      order: { slot: 'ASC', table: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const names = await this.events.names(rows.flatMap((m) => [m.enterpriseId, m.providerId]));
    return { items: rows.map((m) => meetingView(m, event, names)), total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * One participant's meetings, by slot. `organisationId` picks which of the
   * caller's organisations (required when it belongs to several
   * participants); the organiser may read anyone's. Only once published.
   * While the event takes check-ins, it carries the participant's check-in
   * credentials (QR code and short code).
   */
  async agenda(actor: Principal, id: string, query: Pick<AgendaQuery, 'organisationId'>): Promise<AgendaView> {
    const { agenda, event, registration } = await this.readAgenda(actor, id, query);
    return { ...agenda, checkIn: await this.checkIns.credentials(event, registration) };
  }

  private async readAgenda(
    actor: Principal,
    id: string,
    query: Pick<AgendaQuery, 'organisationId'>,
  ): Promise<{ agenda: Omit<AgendaView, 'checkIn'>; event: MatchmakingEvent; registration: EventRegistration }> {
    const event = await this.events.visible(actor, id);
    const participants = await this.events.approvedRegistrations(id);
    const organiser = isEventOrganiser(actor, event) || isEventOverseer(actor);
    let registration: EventRegistration | undefined;
    if (query.organisationId) {
      if (!organiser && !isMember(actor, query.organisationId)) {
        throw new ForbiddenError("only the organisation's members and the organiser read its agenda", 'not_member');
      }
      registration = participants.find((r) => r.organisationId === query.organisationId);
      if (!registration) throw new NotFoundError('participant', query.organisationId);
    } else {
      const mine = participants.filter((r) => isMember(actor, r.organisationId));
      if (mine.length > 1) {
        throw new InvalidInputError([
          {
            field: 'organisationId',
            reason: `is required: you belong to several participants (${mine.map((r) => r.organisationId).join(', ')})`,
          },
        ]);
      }
      registration = mine[0];
      if (!registration) throw new ForbiddenError('you are not an approved participant of this event', 'not_participant');
    }
    if (!agendaVisible(event.status)) throw new EventStateConflictError(event.status, 'read the agenda of');
    const own = registration.organisationId;
    const meetings = await this.dataSource.getRepository(EventMeeting).find({
      where: registration.side === 'enterprise' ? { eventId: id, enterpriseId: own } : { eventId: id, providerId: own },
      order: { slot: 'ASC' },
    });
    const names = await this.events.names([
      own,
      ...meetings.map((m) => (registration.side === 'enterprise' ? m.providerId : m.enterpriseId)),
    ]);
    const agenda: Omit<AgendaView, 'checkIn'> = {
      eventId: id,
      title: event.title,
      venue: event.venue,
      online: event.online,
      organisationId: own,
      organisationName: names.get(own) ?? '',
      items: meetings.map((m) => {
        const other = registration.side === 'enterprise' ? m.providerId : m.enterpriseId;
        return {
          meetingId: m.id,
          slot: m.slot,
          table: m.table,
          startsAt: slotStart(event, m.slot),
          endsAt: slotStart(event, m.slot + 1),
          counterpart: { id: other, name: names.get(other) ?? '', side: registration.side === 'enterprise' ? 'provider' : 'enterprise' },
          kind: m.kind,
          held: m.held,
          intent: m.intent,
          contract: m.contract,
        };
      }),
    };
    return { agenda, event, registration };
  }

  /** The agenda as an RFC 5545 calendar: one VEVENT per meeting. */
  async agendaIcs(actor: Principal, id: string, query: Pick<AgendaQuery, 'organisationId'>): Promise<{ filename: string; ics: string }> {
    const { agenda } = await this.readAgenda(actor, id, query);
    const place = (table: number) => (agenda.online ? '线上洽谈' : `${agenda.venue ?? ''}，第 ${table + 1} 桌`);
    const ics = toIcs({
      name: `${agenda.title}（${agenda.organisationName}）`,
      stamp: this.clock.now(),
      entries: agenda.items.map((item) => ({
        uid: `${item.meetingId}@smedx`,
        start: item.startsAt,
        end: item.endsAt,
        summary: `供需对接：${item.counterpart.name}`,
        location: place(item.table),
        description: `${agenda.title}\n第 ${item.slot + 1} 场，第 ${item.table + 1} 桌（${KIND_LABEL[item.kind]}）`,
      })),
    });
    return { filename: `agenda-${id}.ics`, ics };
  }
}
