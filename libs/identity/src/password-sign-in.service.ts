import { Inject, Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  CLOCK,
  ConflictError,
  TooManyRequestsError,
  InvalidInputError,
  UnauthenticatedError,
  UnitOfWork,
  isUniqueViolation,
} from '@smedx/platform';
import type { AppConfig, Clock, Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import type { ChangePasswordInput, LoginInput, RegisterInput } from './dto/identity.dto.js';
import { containsEmailName } from './dto/identity.dto.js';
import { mobileTaken } from './identity.errors.js';
import { IdentityService } from './identity.service.js';
import type { Session } from './identity.service.js';
import { ARGON2 } from './password-hash.js';
import { User } from './user.entity.js';

/**
 * Sign-up and sign-in by e-mail and password: registration, login with the
 * lock-out after repeated wrong passwords, and password change. Sessions are
 * issued by {@link IdentityService.session}.
 */
@Injectable()
export class PasswordSignInService {
  // The log context of these lines from before the split, so log filters keep matching.
  private readonly logger = new Logger('IdentityService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Creates an account and returns its session. `onCreated` runs inside the same
   * transaction, so what it does (e.g. the chains context spending an invitation token)
   * and the account commit or fail together; identity knows nothing of what it is.
   */
  async register(
    input: RegisterInput,
    onCreated?: (tx: EntityManager, user: { id: string; email: string }) => Promise<void>,
  ): Promise<Session> {
    const passwordHash = await argon2.hash(input.password, ARGON2);
    const mobile = input.mobile ?? null;
    const user = await this.uow
      .run(async (tx) => {
        if (await tx.existsBy(User, { email: input.email })) {
          throw new ConflictError('email_taken', 'this e-mail address is already registered');
        }
        if (mobile && (await tx.existsBy(User, { mobile }))) throw mobileTaken();
        const created = await tx.save(tx.create(User, { email: input.email, passwordHash, displayName: input.displayName, mobile }));
        await onCreated?.(tx, { id: created.id, email: created.email });
        return created;
      })
      .catch((error: unknown) => {
        // Two registrations racing for one e-mail or number: the unique index decides.
        if (!isUniqueViolation(error)) throw error;
        throw mobile ? mobileTaken() : new ConflictError('email_taken', 'this e-mail address is already registered');
      });
    return this.identity.session(user.id);
  }

  /**
   * Exchanges e-mail and password for a session. After `auth.maxFailures` wrong passwords in
   * a row the account is locked for `auth.lockSeconds` (429 with Retry-After), whatever
   * password is sent meanwhile; a successful login clears the count.
   */
  async login(input: LoginInput): Promise<Session> {
    const users = this.dataSource.getRepository(User);
    const user = await users.findOneBy({ email: input.email });
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil.getTime() > now.getTime()) throw this.locked(user.lockedUntil, now);
    // Verify against a hash even for unknown e-mails so timing does not reveal accounts.
    const hash = user?.passwordHash ?? (await this.dummyHash());
    const ok = await argon2.verify(hash, input.password).catch(() => false);
    if (!user) throw new UnauthenticatedError('邮箱或密码错误 (wrong e-mail or password)', 'wrong_credentials');
    if (!ok) {
      const lockedUntil = await this.countFailure(user.id, now);
      if (lockedUntil) throw this.locked(lockedUntil, now);
      throw new UnauthenticatedError('邮箱或密码错误 (wrong e-mail or password)', 'wrong_credentials');
    }
    if (user.failedLogins || user.lockedUntil) await users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    return this.identity.session(user.id);
  }

  /** Counts a wrong password; returns the lock's end when this one locks the account. */
  private async countFailure(userId: string, now: Date): Promise<Date | null> {
    return this.uow.run(async (tx) => {
      await tx.increment(User, { id: userId }, 'failedLogins', 1);
      const { failedLogins } = await tx.findOneOrFail(User, { where: { id: userId }, select: { id: true, failedLogins: true } });
      if (failedLogins < this.config.auth.maxFailures) return null;
      const lockedUntil = new Date(now.getTime() + this.config.auth.lockSeconds * 1000);
      await tx.update(User, { id: userId }, { failedLogins: 0, lockedUntil });
      await this.audit.record(tx, {
        actorId: null,
        action: 'user.locked_out',
        entityType: 'user',
        entityId: userId,
        data: { failures: failedLogins, lockedUntil: lockedUntil.toISOString() },
      });
      this.logger.warn(`account ${userId} locked until ${lockedUntil.toISOString()} after ${failedLogins} wrong passwords`);
      return lockedUntil;
    });
  }

  private locked(until: Date, now: Date): TooManyRequestsError {
    const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
    return new TooManyRequestsError(
      'account_locked',
      `密码错误次数过多，账户已锁定，请 ${Math.ceil(seconds / 60)} 分钟后再试 (account locked after repeated wrong passwords)`,
      seconds,
    );
  }

  /**
   * Changes the caller's password (the current one must be right). Every token issued before
   * is revoked; the answer is a fresh session for the caller.
   */
  async changePassword(actor: Principal, input: ChangePasswordInput): Promise<Session> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw new UnauthenticatedError('用户已不存在 (user no longer exists)');
    if (!(await argon2.verify(user.passwordHash, input.currentPassword).catch(() => false))) {
      throw new InvalidInputError([{ field: 'currentPassword', reason: '原密码不正确 (is wrong)' }], 'wrong_password');
    }
    if (containsEmailName(input.newPassword, user.email)) {
      throw new InvalidInputError([{ field: 'newPassword', reason: '密码不能包含邮箱用户名 (must not contain the e-mail name)' }]);
    }
    const passwordHash = await argon2.hash(input.newPassword, ARGON2);
    await this.uow.run(async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash, failedLogins: 0, lockedUntil: null });
      await this.identity.revokeTokens(tx, user.id);
      await this.audit.record(tx, { actorId: actor.userId, action: 'user.password_changed', entityType: 'user', entityId: user.id });
    });
    return this.identity.session(user.id);
  }

  private dummy: Promise<string> | null = null;
  private dummyHash(): Promise<string> {
    this.dummy ??= argon2.hash('not-a-real-password', ARGON2);
    return this.dummy;
  }
}
