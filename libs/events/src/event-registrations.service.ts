import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import {
  CLOCK,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UnitOfWork,
  isMember,
  isUuid,
} from '@smedx/platform';
import type { Clock, FieldProblem, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DirectoryService } from '@smedx/directory';
import { NotificationsService } from '@smedx/notifications';
import type { EventPageQuery, RegisterInput, UpdateRegistrationInput } from './dto/events.dto.js';
import { MatchmakingEvent } from './entities/event.entity.js';
import { EventRegistration } from './entities/event-registration.entity.js';
import type { ParticipantSide } from './entities/event-registration.entity.js';
import { EVENT_STATE_MACHINE, REGISTRATION_STATE_MACHINE } from '@smedx/contracts';
import { EventsService } from './events.service.js';
import { isEventOrganiser, isEventOverseer } from './events.policy.js';
import { participantView, registrationView } from './events.views.js';
import type { Page, ParticipantView, RegistrationView } from './events.views.js';

/**
 * Registrations for matchmaking events (供需对接活动): members of
 * enterprises and approved providers register, say whom they want to meet
 * and when they can; the organiser approves within each side's capacity.
 * The event itself lives in {@link EventsService}.
 */
@Injectable()
export class EventRegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly directory: DirectoryService,
    private readonly notifications: NotificationsService,
    private readonly events: EventsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Registers an organisation of the caller: an enterprise, or a provider
   * that passed selection. `availableSlots` defaults to the whole event;
   * `wants` must name organisations of the other side.
   */
  async register(actor: Principal, id: string, input: RegisterInput): Promise<RegistrationView> {
    const membership = actor.memberships.find((m) => m.organisationId === input.organisationId);
    if (!membership) throw new ForbiddenError('only members of the organisation may register it', 'not_member');
    const side: ParticipantSide = membership.kind;
    const registrationId = await this.uow.run(async (tx) => {
      const event = await this.events.visible(actor, id, tx, true);
      EVENT_STATE_MACHINE.next(event.status, 'register');
      if (side === 'provider') {
        const provider = await this.directory.getProvider(input.organisationId, tx);
        if (provider.status !== 'approved') throw new StateConflictError('provider', provider.status, 'register');
      } else {
        await this.directory.getEnterprise(input.organisationId, tx);
      }
      const availableSlots = this.slotsOf(event, input.availableSlots);
      await this.checkWants(side, input.wants, tx);
      if (await tx.existsBy(EventRegistration, { eventId: id, organisationId: input.organisationId })) {
        throw new ConflictError('already_registered', `organisation ${input.organisationId} is already registered for this event`);
      }
      const saved = await tx.save(
        tx.create(EventRegistration, {
          eventId: id,
          organisationId: input.organisationId,
          side,
          availableSlots,
          wants: input.wants,
          status: 'pending',
          registeredBy: actor.userId,
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
          checkedInAt: null,
        }),
      );
      await this.notifications.notify(tx, {
        recipients: { userIds: [event.organizerId] },
        kind: 'event.registration',
        title: `“${event.title}”收到新的报名`,
        body: `${side === 'enterprise' ? '企业' : '服务商'}报名了供需对接活动“${event.title}”，请审核。`,
        link: `/events/${id}`,
        data: { eventId: id, registrationId: saved.id },
        dedupeKey: `event.registration:${saved.id}`,
      });
      return saved.id;
    });
    return this.registrationFor(id, registrationId);
  }

  /**
   * The event's registrations. The organiser and overseers see all of them
   * whole; a participant sees the approved participants (name and side, to
   * choose whom to meet) and its own registrations whole; others get 403.
   */
  async listRegistrations(actor: Principal, id: string, query: EventPageQuery): Promise<Page<RegistrationView | ParticipantView>> {
    const event = await this.events.visible(actor, id);
    const full = isEventOrganiser(actor, event) || isEventOverseer(actor);
    const mine = actor.memberships.map((m) => m.organisationId);
    const qb = this.dataSource.getRepository(EventRegistration).createQueryBuilder('r').where('r.eventId = :id', { id });
    if (!full) {
      const own = mine.length
        ? await this.dataSource.getRepository(EventRegistration).countBy({ eventId: id, organisationId: In(mine) })
        : 0;
      if (!own) throw new ForbiddenError('only the organiser and the participants see the registrations', 'not_participant');
      qb.andWhere(new Brackets((w) => w.where("r.status = 'approved'").orWhere('r.organisationId IN (:...mine)', { mine })));
    }
    const [rows, total] = await qb
      .orderBy('r.side', 'ASC')
      .addOrderBy('r.createdAt', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.events.names(rows.map((r) => r.organisationId));
    return {
      items: rows.map((r) =>
        full || mine.includes(r.organisationId)
          ? registrationView(r, names.get(r.organisationId) ?? '')
          : participantView(r, names.get(r.organisationId) ?? ''),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Changes whom a participant wants to meet and when it can (its members, or the organiser), until the schedule is drawn. */
  async updateRegistration(actor: Principal, id: string, rid: string, patch: UpdateRegistrationInput): Promise<RegistrationView> {
    await this.uow.run(async (tx) => {
      const event = await this.events.visible(actor, id, tx, true);
      const registration = await this.registrationIn(tx, id, rid);
      if (!isMember(actor, registration.organisationId) && !isEventOrganiser(actor, event)) {
        throw new ForbiddenError("only the organisation's members and the organiser change a registration", 'not_member');
      }
      EVENT_STATE_MACHINE.next(event.status, 'update_registration');
      if (registration.status === 'rejected') throw new StateConflictError('registration', registration.status, 'change');
      const changes: Partial<EventRegistration> = {};
      if (patch.availableSlots) changes.availableSlots = this.slotsOf(event, patch.availableSlots);
      if (patch.wants) {
        await this.checkWants(registration.side, patch.wants, tx);
        changes.wants = patch.wants;
      }
      await tx.update(EventRegistration, { id: rid }, changes);
    });
    return this.registrationFor(id, rid);
  }

  /**
   * The organiser's decision on a registration: approve (while the side has
   * room) or reject with a reason. Audited; the organisation is notified.
   */
  async decide(actor: Principal, id: string, rid: string, decision: 'approve' | 'reject', reason?: string): Promise<RegistrationView> {
    await this.uow.run(async (tx) => {
      const event = await this.events.forOrganiser(tx, actor, id);
      const registration = await this.registrationIn(tx, id, rid);
      EVENT_STATE_MACHINE.next(event.status, 'decide_registration');
      const status = REGISTRATION_STATE_MACHINE.next(registration.status, decision);
      if (decision === 'approve') {
        const capacity = registration.side === 'enterprise' ? event.capacityEnterprises : event.capacityProviders;
        const approved = await tx.countBy(EventRegistration, { eventId: id, side: registration.side, status: 'approved' });
        if (approved >= capacity) {
          throw new ConflictError(
            'event_full',
            `the event has room for ${capacity} ${registration.side === 'enterprise' ? 'enterprises' : 'providers'} and all of it is taken`,
            { capacity },
          );
        }
      }
      const now = this.clock.now();
      const updated = await tx.update(
        EventRegistration,
        { id: rid, status: registration.status },
        { status, decidedBy: actor.userId, decidedAt: now, decisionReason: reason ?? null },
      );
      if (!updated.affected) throw new ConflictError('registration_changed', 'the registration changed meanwhile; reload and try again');
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: decision === 'approve' ? 'event.registration_approved' : 'event.registration_rejected',
        entityType: 'event',
        entityId: id,
        reason: reason ?? null,
        data: { registrationId: rid, organisationId: registration.organisationId, side: registration.side },
      });
      await this.notifications.notify(tx, {
        recipients: { organisationIds: [registration.organisationId] },
        kind: decision === 'approve' ? 'event.registration-approved' : 'event.registration-rejected',
        title: decision === 'approve' ? `报名“${event.title}”已通过` : `报名“${event.title}”未通过`,
        body:
          decision === 'approve'
            ? `您已获准参加供需对接活动“${event.title}”。请在报名信息中标注希望洽谈的对象和可参加的时段。`
            : `您报名的供需对接活动“${event.title}”未获通过。原因：${reason ?? ''}`,
        link: `/events/${id}`,
        data: { eventId: id, registrationId: rid },
        dedupeKey: `event.registration-${decision}:${rid}`,
      });
    });
    return this.registrationFor(id, rid);
  }

  // ------------------------------------------------------------------ internals

  private async registrationIn(tx: EntityManager, eventId: string, rid: string): Promise<EventRegistration> {
    const registration = isUuid(rid) ? await tx.findOneBy(EventRegistration, { id: rid, eventId }) : null;
    if (!registration) throw new NotFoundError('registration', rid);
    return registration;
  }

  private async registrationFor(eventId: string, rid: string): Promise<RegistrationView> {
    const registration = await this.dataSource.manager.findOneByOrFail(EventRegistration, { id: rid, eventId });
    const names = await this.events.names([registration.organisationId]);
    return registrationView(registration, names.get(registration.organisationId) ?? '');
  }

  /** The slots as given (checked against the event), sorted; every slot when none are given. */
  private slotsOf(event: MatchmakingEvent, slots: number[] | undefined): number[] {
    if (slots === undefined) return Array.from({ length: event.slots }, (_, s) => s);
    const problems: FieldProblem[] = slots.flatMap((s, i) =>
      s >= event.slots ? [{ field: `availableSlots.${i}`, reason: `must be a slot from 0 to ${event.slots - 1}` }] : [],
    );
    if (problems.length) throw new InvalidInputError(problems);
    return [...slots].sort((a, b) => a - b);
  }

  /** Each wanted organisation must exist on the other side. */
  private async checkWants(side: ParticipantSide, wants: readonly string[], tx: EntityManager): Promise<void> {
    if (!wants.length) return;
    const found = side === 'enterprise' ? await this.directory.providersByIds(wants, tx) : await this.directory.enterprisesByIds(wants, tx);
    const known = new Set(found.map((o) => o.id));
    const other = side === 'enterprise' ? 'provider' : 'enterprise';
    const problems = wants.flatMap((w, i) => (known.has(w) ? [] : [{ field: `wants.${i}`, reason: `is not a registered ${other}` }]));
    if (problems.length) throw new InvalidInputError(problems);
  }
}
