import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { CLOCK, ConflictError, InvalidInputError, NotFoundError, UnitOfWork, isUuid } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import type { AddMeetingInput, MoveMeetingInput, SwapMeetingsInput } from './dto/events.dto.js';
import { MatchmakingEvent } from './entities/event.entity.js';
import { EventMeeting } from './entities/event-meeting.entity.js';
import type { EventRegistration } from './entities/event-registration.entity.js';
import { EventPairScores } from './event-pair-scores.js';
import { EVENT_STATE_MACHINE } from '@smedx/contracts';
import { EventsService } from './events.service.js';
import { isEventOrganiser } from './events.policy.js';
import { meetingView } from './events.views.js';
import type { MeetingView, ScheduleView } from './events.views.js';
import { firstFreeTable, placementConflicts } from './schedule-rules.js';
import type { PlacedMeeting, ScheduleRules } from './schedule-rules.js';
import { meetingKind, meetingValue } from './scheduler/schedule-problem.js';
import { scheduleMeetings } from './scheduler/scheduler.js';

/** Rows per INSERT: well inside both databases' parameter limits. */
const INSERT_CHUNK = 200;

/**
 * An event's 1:1 meeting schedule: the scheduler's proposal, the
 * organiser's edits (each checked against the schedule's rules) and
 * publication. Its reads (the whole schedule, each participant's agenda)
 * live in {@link EventScheduleQueriesService}.
 */
@Injectable()
export class EventScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    private readonly pairScores: EventPairScores,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Runs the scheduler over the approved participants (their availability,
   * requests and match scores) and stores the result as the draft schedule,
   * replacing an earlier draft. Returns the meetings and the enterprises left
   * below the minimum, with the reason.
   */
  async schedule(actor: Principal, id: string): Promise<ScheduleView> {
    // Scores are read before the transaction: scoring reads the catalogue and the needs, and need not hold the event's lock.
    const before = await this.events.visible(actor, id);
    const participants = await this.events.approvedRegistrations(id);
    const side = (s: 'enterprise' | 'provider') => participants.filter((r) => r.side === s).map((r) => r.organisationId);
    const scores = isEventOrganiser(actor, before) ? await this.pairScores.scores(side('enterprise'), side('provider')) : [];
    const result = await this.uow.run(async (tx) => {
      const event = await this.events.forOrganiser(tx, actor, id);
      const status = EVENT_STATE_MACHINE.next(event.status, 'schedule');
      const registrations = await this.events.approvedRegistrations(id, tx);
      const enterprises = registrations.filter((r) => r.side === 'enterprise').map((r) => r.organisationId);
      const providers = registrations.filter((r) => r.side === 'provider').map((r) => r.organisationId);
      if (!enterprises.length || !providers.length) {
        throw new ConflictError('no_participants', 'the schedule needs at least one approved enterprise and one approved provider');
      }
      const schedule = scheduleMeetings({
        enterprises,
        providers,
        slots: event.slots,
        tables: event.tables,
        availability: Object.fromEntries(registrations.map((r) => [r.organisationId, r.availableSlots])),
        wants: Object.fromEntries(registrations.map((r) => [r.organisationId, r.wants])),
        scores,
        minPerEnterprise: event.minMeetingsPerEnterprise,
        maxPerProvider: event.maxMeetingsPerProvider,
      });
      await tx.delete(EventMeeting, { eventId: id });
      const rows = schedule.meetings.map((m) => ({ eventId: id, ...m, source: 'scheduler' as const }));
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) await tx.insert(EventMeeting, rows.slice(i, i + INSERT_CHUNK));
      await this.events.transition(tx, event, 'schedule', {
        status,
        proposedMeetings: schedule.meetings.length,
        proposedValue: schedule.totalValue,
        unmetMinimums: schedule.unmetMinimums,
        scheduledAt: this.clock.now(),
      });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'event.scheduled',
        entityType: 'event',
        entityId: id,
        data: {
          meetings: schedule.meetings.length,
          totalValue: schedule.totalValue,
          unmetMinimums: schedule.unmetMinimums.length,
          enterprises: enterprises.length,
          providers: providers.length,
        },
      });
      return { status, schedule };
    });
    const meetings = await this.dataSource
      .getRepository(EventMeeting)
      .find({ where: { eventId: id }, order: { slot: 'ASC', table: 'ASC' } });
    const names = await this.events.names(participants.map((r) => r.organisationId));
    return {
      eventId: id,
      status: result.status,
      meetings: meetings.map((m) => meetingView(m, before, names)),
      unmetMinimums: result.schedule.unmetMinimums,
      totalValue: result.schedule.totalValue,
      candidates: result.schedule.candidates,
    };
  }

  /** Adds a meeting between two approved participants (the organiser), checked against every rule; table defaults to the first free one. */
  async addMeeting(actor: Principal, id: string, input: AddMeetingInput): Promise<MeetingView> {
    this.events.assertOrganiser(actor, await this.events.visible(actor, id));
    const [score] = await this.pairScores.scores([input.enterpriseId], [input.providerId]);
    const meetingId = await this.edit(actor, id, async (tx, event, ctx) => {
      const enterprise = ctx.registrations.get(input.enterpriseId);
      const provider = ctx.registrations.get(input.providerId);
      const problems = [
        ...(enterprise?.side === 'enterprise' ? [] : [{ field: 'enterpriseId', reason: 'is not an approved enterprise of this event' }]),
        ...(provider?.side === 'provider' ? [] : [{ field: 'providerId', reason: 'is not an approved provider of this event' }]),
      ];
      if (problems.length) throw new InvalidInputError(problems);
      const table = input.table ?? Math.max(0, firstFreeTable(ctx.rules, ctx.meetings, input.slot));
      const placed: PlacedMeeting = { id: 'new', slot: input.slot, table, enterpriseId: input.enterpriseId, providerId: input.providerId };
      const [conflict] = placementConflicts(ctx.rules, ctx.meetings, [placed]);
      if (conflict?.code === 'table_taken' && input.table === undefined) {
        throw new ConflictError('table_taken', `every table in slot ${input.slot} is taken`);
      }
      this.assertValid(ctx.rules, ctx.meetings, [placed]);
      const kind = meetingKind(enterprise!.wants.includes(input.providerId), provider!.wants.includes(input.enterpriseId));
      const pairScore = score?.score ?? 0;
      const saved = await tx.save(
        tx.create(EventMeeting, {
          eventId: id,
          slot: placed.slot,
          table: placed.table,
          enterpriseId: input.enterpriseId,
          providerId: input.providerId,
          kind,
          value: meetingValue(kind, pairScore),
          score: pairScore,
          source: 'organiser',
          held: null,
          intent: null,
          contract: null,
          noShowBy: null,
          outcomeAt: null,
          outcomeBy: null,
        }),
      );
      await this.recordEdit(tx, actor, event, 'event.meeting_added', {
        meetingId: saved.id,
        slot: placed.slot,
        table: placed.table,
        enterpriseId: input.enterpriseId,
        providerId: input.providerId,
      });
      return saved.id;
    });
    return this.meeting(actor, id, meetingId);
  }

  /** Moves a meeting to another slot and/or table (the organiser), checked against every rule. */
  async moveMeeting(actor: Principal, id: string, mid: string, input: MoveMeetingInput): Promise<MeetingView> {
    await this.edit(actor, id, async (tx, event, ctx) => {
      const meeting = this.meetingIn(ctx.meetings, mid);
      const slot = input.slot ?? meeting.slot;
      const staying = ctx.meetings.filter((m) => m.id !== mid);
      // A move to another slot without a table keeps the table when it is free there, else takes the first free one.
      const table =
        input.table ??
        (staying.some((m) => m.slot === slot && m.table === meeting.table)
          ? Math.max(0, firstFreeTable(ctx.rules, staying, slot))
          : meeting.table);
      this.assertValid(ctx.rules, staying, [{ ...meeting, slot, table }]);
      await tx.update(EventMeeting, { id: mid }, { slot, table });
      await this.recordEdit(tx, actor, event, 'event.meeting_moved', {
        meetingId: mid,
        from: { slot: meeting.slot, table: meeting.table },
        to: { slot, table },
      });
    });
    return this.meeting(actor, id, mid);
  }

  /** Two meetings exchange their slots and tables (the organiser), checked against every rule. */
  async swapMeetings(actor: Principal, id: string, input: SwapMeetingsInput): Promise<MeetingView[]> {
    await this.edit(actor, id, async (tx, event, ctx) => {
      const a = this.meetingIn(ctx.meetings, input.a);
      const b = this.meetingIn(ctx.meetings, input.b);
      const staying = ctx.meetings.filter((m) => m.id !== a.id && m.id !== b.id);
      this.assertValid(ctx.rules, staying, [
        { ...a, slot: b.slot, table: b.table },
        { ...b, slot: a.slot, table: a.table },
      ]);
      // Rewritten together: updating one row at a time would pass through a state the unique indexes refuse.
      const rows = await tx.findBy(EventMeeting, { id: In([a.id, b.id]) });
      await tx.delete(EventMeeting, { id: In([a.id, b.id]) });
      await tx.insert(
        EventMeeting,
        rows.map((row) => {
          const other = row.id === a.id ? b : a;
          return { ...row, slot: other.slot, table: other.table };
        }),
      );
      await this.recordEdit(tx, actor, event, 'event.meetings_swapped', { a: a.id, b: b.id });
    });
    return Promise.all([this.meeting(actor, id, input.a), this.meeting(actor, id, input.b)]);
  }

  /** Removes a meeting from the draft schedule (the organiser). */
  async removeMeeting(actor: Principal, id: string, mid: string): Promise<void> {
    await this.edit(actor, id, async (tx, event, ctx) => {
      const meeting = this.meetingIn(ctx.meetings, mid);
      await tx.delete(EventMeeting, { id: mid });
      await this.recordEdit(tx, actor, event, 'event.meeting_removed', {
        meetingId: mid,
        enterpriseId: meeting.enterpriseId,
        providerId: meeting.providerId,
      });
    });
  }

  /** Publishes the schedule: participants are notified and can read their agendas; it no longer changes. */
  async publish(actor: Principal, id: string): Promise<void> {
    await this.uow.run(async (tx) => {
      const event = await this.events.forOrganiser(tx, actor, id);
      const status = EVENT_STATE_MACHINE.next(event.status, 'publish');
      if (!(await tx.countBy(EventMeeting, { eventId: id })))
        throw new ConflictError('schedule_empty', 'the schedule has no meetings to publish');
      await this.events.transition(tx, event, 'publish', { status, publishedAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'event.published',
        entityType: 'event',
        entityId: id,
        data: { before: { status: event.status }, after: { status } },
      });
      await this.events.notifyParticipants(
        tx,
        event,
        'event.schedule-published',
        `“${event.title}”洽谈日程已发布`,
        `供需对接活动“${event.title}”的一对一洽谈日程已发布，请查看您的日程（可导入日历）。`,
      );
    });
  }

  // ------------------------------------------------------------------ internals

  /**
   * An organiser's edit of the draft schedule, in one transaction holding
   * the event: the current meetings, the participants and the rules are
   * loaded once for `work`.
   */
  private async edit<T>(
    actor: Principal,
    id: string,
    work: (
      tx: EntityManager,
      event: MatchmakingEvent,
      ctx: { meetings: EventMeeting[]; registrations: Map<string, EventRegistration>; rules: ScheduleRules },
    ) => Promise<T>,
  ): Promise<T> {
    return this.uow.run(async (tx) => {
      const event = await this.events.forOrganiser(tx, actor, id);
      EVENT_STATE_MACHINE.next(event.status, 'edit_schedule');
      const [meetings, registrations] = await Promise.all([
        tx.findBy(EventMeeting, { eventId: id }),
        this.events.approvedRegistrations(id, tx),
      ]);
      const names = await this.events.names(registrations.map((r) => r.organisationId));
      const rules: ScheduleRules = {
        slots: event.slots,
        tables: event.tables,
        maxPerProvider: event.maxMeetingsPerProvider,
        availability: new Map(registrations.map((r) => [r.organisationId, r.availableSlots])),
        names,
      };
      return work(tx, event, { meetings, registrations: new Map(registrations.map((r) => [r.organisationId, r])), rules });
    });
  }

  /** 400 for a slot or table out of range, 409 naming the rule an edit breaks. */
  private assertValid(rules: ScheduleRules, staying: readonly PlacedMeeting[], placed: readonly PlacedMeeting[]): void {
    const [conflict] = placementConflicts(rules, staying, placed);
    if (!conflict) return;
    if (conflict.field) throw new InvalidInputError([{ field: conflict.field, reason: conflict.message }]);
    throw new ConflictError(conflict.code, conflict.message, conflict.meetingId ? { meetingId: conflict.meetingId } : undefined);
  }

  private meetingIn(meetings: readonly EventMeeting[], mid: string): EventMeeting {
    const meeting = isUuid(mid) ? meetings.find((m) => m.id === mid) : undefined;
    if (!meeting) throw new NotFoundError('meeting', mid);
    return meeting;
  }

  private async recordEdit(
    tx: EntityManager,
    actor: Principal,
    event: MatchmakingEvent,
    action: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.audit.record(tx, { actorId: actor.userId, action, entityType: 'event', entityId: event.id, data });
  }

  private async meeting(actor: Principal, id: string, mid: string): Promise<MeetingView> {
    const event = await this.events.visible(actor, id);
    const meeting = await this.dataSource.getRepository(EventMeeting).findOneByOrFail({ id: mid, eventId: id });
    const names = await this.events.names([meeting.enterpriseId, meeting.providerId]);
    return meetingView(meeting, event, names);
  }
}
