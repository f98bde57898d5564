import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import QRCode from 'qrcode';
import {
  APP_CONFIG,
  CLOCK,
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  InvalidInputError,
  NotFoundError,
  StateConflictError,
  UnitOfWork,
  hasRole,
  isMember,
  isUniqueViolation,
} from '@smedx/platform';
import type { AppConfig, Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { EVENT_STATE_MACHINE } from '@smedx/contracts';
import type { CheckInCredentials, CheckInResult, EventReport } from '@smedx/contracts';
import type { CheckInInput } from './dto/events.dto.js';
import { MatchmakingEvent } from './entities/event.entity.js';
import { EventRegistration } from './entities/event-registration.entity.js';
import { EventsService } from './events.service.js';
import { isEventOrganiser } from './events.policy.js';
import { registrationView, slotStart } from './events.views.js';
import { newShortCode, signCheckInToken, verifyCheckInToken } from './check-in-token.js';

/** How long after the event's last slot its check-in tokens still count: the organiser may record late arrivals that evening. */
export const CHECK_IN_MARGIN_MS = 12 * 3600_000;
/** The report's arrivals come in quarter hours. */
export const ARRIVAL_BUCKET_MINUTES = 15;
/** Tries at a short code before giving up (each clash is one in a billion for a few hundred participants). */
const CODE_ATTEMPTS = 5;

type CheckInMethod = 'token' | 'short_code' | 'organisation';

/**
 * Check-in at the desk: each approved participant's credentials (a signed,
 * expiring token shown as a QR code, and a short code to type), the check-in
 * itself by token, short code or organisation, and the arrivals by time.
 */
@Injectable()
export class EventCheckInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly events: EventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The approved registration's check-in credentials, for its agenda; null
   * unless the event takes check-ins. The short code is given the first time
   * and kept.
   */
  async credentials(event: MatchmakingEvent, registration: EventRegistration): Promise<CheckInCredentials | null> {
    if (registration.status !== 'approved' || !EVENT_STATE_MACHINE.can(event.status, 'check_in')) return null;
    const shortCode = registration.checkInCode ?? (await this.giveShortCode(registration));
    const expiresAt = new Date(slotStart(event, event.slots).getTime() + CHECK_IN_MARGIN_MS);
    const token = signCheckInToken(this.config.auth.jwtSecret, { eventId: event.id, registrationId: registration.id, expiresAt });
    // Medium error correction and the standard quiet zone: what phone cameras read best off another screen.
    const qrSvg = await QRCode.toString(token, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    return { token, shortCode, qrSvg, expiresAt, checkedInAt: registration.checkedInAt };
  }

  /**
   * Checks a participant in: by the token of its QR code or its short code
   * (the organiser at the desk, or an admin), or by organisation (also its own
   * members). Checking in again answers with the first time and
   * `alreadyCheckedIn`, and records nothing more.
   */
  async checkIn(actor: Principal, id: string, input: CheckInInput): Promise<CheckInResult> {
    const { registrationId, alreadyCheckedIn } = await this.uow.run(async (tx) => {
      const event = await this.events.visible(actor, id, tx, true);
      const desk = isEventOrganiser(actor, event) || hasRole(actor, 'admin');
      let registration: EventRegistration | null;
      let method: CheckInMethod;
      if (input.organisationId !== undefined) {
        if (!desk && !isMember(actor, input.organisationId)) {
          throw new ForbiddenError("only the organiser and the organisation's members check it in", 'not_member');
        }
        EVENT_STATE_MACHINE.next(event.status, 'check_in');
        registration = await tx.findOneBy(EventRegistration, { eventId: id, organisationId: input.organisationId });
        if (!registration) throw new NotFoundError('participant', input.organisationId);
        method = 'organisation';
      } else {
        if (!desk) throw new ForbiddenError("only the event's organiser checks participants in by QR code or short code", 'not_organiser');
        if (input.token !== undefined) {
          const registrationIdInToken = this.tokenRegistration(id, input.token);
          EVENT_STATE_MACHINE.next(event.status, 'check_in');
          registration = await tx.findOneBy(EventRegistration, { eventId: id, id: registrationIdInToken });
          if (!registration) throw new NotFoundError('participant', registrationIdInToken);
          method = 'token';
        } else {
          EVENT_STATE_MACHINE.next(event.status, 'check_in');
          registration = await tx.findOneBy(EventRegistration, { eventId: id, checkInCode: input.shortCode! });
          if (!registration) {
            throw new DomainError('not_found', 'check_in_code_unknown', `no participant of this event has the code ${input.shortCode}`);
          }
          method = 'short_code';
        }
      }
      if (registration.status !== 'approved') throw new StateConflictError('registration', registration.status, 'check in');
      if (registration.checkedInAt) return { registrationId: registration.id, alreadyCheckedIn: true };
      await tx.update(EventRegistration, { id: registration.id }, { checkedInAt: this.clock.now() });
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'event.checked_in',
        entityType: 'event',
        entityId: id,
        data: { registrationId: registration.id, organisationId: registration.organisationId, method },
      });
      return { registrationId: registration.id, alreadyCheckedIn: false };
    });
    const registration = await this.dataSource.manager.findOneByOrFail(EventRegistration, { id: registrationId });
    const names = await this.events.names([registration.organisationId]);
    return { ...registrationView(registration, names.get(registration.organisationId) ?? ''), alreadyCheckedIn };
  }

  /** The registration a token names, if it is genuine, current and for this event (400, 410, 409 otherwise). */
  private tokenRegistration(eventId: string, token: string): string {
    const verified = verifyCheckInToken(this.config.auth.jwtSecret, token, this.clock.now());
    if (!verified.ok && verified.problem === 'expired') throw new GoneError('check_in_token_expired', 'the check-in token has expired');
    if (!verified.ok) {
      throw new InvalidInputError(
        [{ field: 'token', reason: 'is not a check-in token of this platform', reasonZh: '二维码无效或已过期' }],
        'check_in_token_invalid',
      );
    }
    if (verified.claims.eventId !== eventId) {
      throw new ConflictError('check_in_wrong_event', 'the check-in token is for another event', { eventId: verified.claims.eventId });
    }
    return verified.claims.registrationId;
  }

  /** Gives the registration a short code unique within its event; a concurrent first read keeps whichever landed first. */
  private async giveShortCode(registration: EventRegistration): Promise<string> {
    for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
      try {
        await this.uow.statement((db) =>
          db.update(EventRegistration, { id: registration.id, checkInCode: IsNull() }, { checkInCode: newShortCode() }),
        );
      } catch (error) {
        if (isUniqueViolation(error)) continue;
        throw error;
      }
      const { checkInCode } = await this.dataSource.manager.findOneByOrFail(EventRegistration, { id: registration.id });
      if (checkInCode) return checkInCode;
    }
    throw new ConflictError('registration_changed', 'could not give the registration a unique check-in code; try again');
  }
}

/** The report's arrivals: check-ins per quarter hour (only quarters with arrivals), with the running total. */
export function arrivalsByTime(registrations: readonly Pick<EventRegistration, 'checkedInAt'>[]): EventReport['arrivals'] {
  const bucketMs = ARRIVAL_BUCKET_MINUTES * 60_000;
  const counts = new Map<number, number>();
  for (const { checkedInAt } of registrations) {
    if (!checkedInAt) continue;
    // Quarter hours fall on the same instants in UTC and in Shanghai (a whole-hour offset).
    const from = Math.floor(checkedInAt.getTime() / bucketMs) * bucketMs;
    counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  let cumulative = 0;
  const buckets = [...counts]
    .sort(([a], [b]) => a - b)
    .map(([from, count]) => ({ from: new Date(from), count, cumulative: (cumulative += count) }));
  return { bucketMinutes: ARRIVAL_BUCKET_MINUTES, total: cumulative, buckets };
}
