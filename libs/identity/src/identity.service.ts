import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  CLOCK,
  ConflictError,
  TooManyRequestsError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  UnauthenticatedError,
  UnitOfWork,
  isOwner,
  isUniqueViolation,
} from '@smedx/platform';
import type { AppConfig, Clock, PlatformRole, Principal, PrincipalLoader } from '@smedx/platform';
import type { MemberView, Page, SessionView, UserView } from '@smedx/contracts';
import { AuditService } from '@smedx/audit';
import { isDistrictCode } from '@smedx/taxonomy';
import type { AddMemberInput, ChangePasswordInput, GrantRoleInput, LoginInput, RegisterInput, UpdateMeInput } from './dto/identity.dto.js';
import { containsEmailName } from './dto/identity.dto.js';
import { Membership } from './membership.entity.js';
import { RoleGrant } from './role-grant.entity.js';
import { User } from './user.entity.js';

/** A user as the API shows it (`UserView` of the contract). */
export type PublicUser = UserView;
/** A signed-in session (`SessionView` of the contract). */
export type Session = SessionView;

/** argon2id with OWASP's recommended minimum cost. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Accounts, role grants and organisation memberships; also the guard's principal loader. */
@Injectable()
export class IdentityService implements PrincipalLoader {
  private readonly logger = new Logger('IdentityService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly jwt: JwtService,
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
    return this.session(user.id);
  }

  /** Changes the caller's display name and/or mobile number (`null` removes it); 409 `mobile_taken` if another user has it. */
  async updateMe(actor: Principal, input: UpdateMeInput): Promise<PublicUser> {
    const { displayName, mobile } = input;
    await this.uow
      .run(async (tx) => {
        const user = await tx.findOneBy(User, { id: actor.userId });
        if (!user) throw new UnauthenticatedError('用户已不存在 (user no longer exists)');
        if (mobile && mobile !== user.mobile && (await tx.existsBy(User, { mobile }))) throw mobileTaken();
        await tx.update(
          User,
          { id: user.id },
          { ...(displayName !== undefined ? { displayName } : {}), ...(mobile !== undefined ? { mobile } : {}) },
        );
        if (mobile !== undefined && mobile !== user.mobile) {
          await this.audit.record(tx, {
            actorId: actor.userId,
            action: 'user.mobile_changed',
            entityType: 'user',
            entityId: user.id,
            data: { mobile: mobile ? maskMobile(mobile) : null },
          });
        }
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw mobileTaken();
        throw error;
      });
    return this.publicUser(actor.userId);
  }

  /** The id of the user with this mobile number, if any. */
  async userIdByMobile(mobile: string): Promise<string | null> {
    const user = await this.dataSource.getRepository(User).findOne({ where: { mobile }, select: { id: true } });
    return user?.id ?? null;
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
    return this.session(user.id);
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
      await this.revokeTokens(tx, user.id);
      await this.audit.record(tx, { actorId: actor.userId, action: 'user.password_changed', entityType: 'user', entityId: user.id });
    });
    return this.session(user.id);
  }

  /** Revokes every token of the user issued so far (the guard compares the version they carry). */
  async revokeTokens(tx: EntityManager, userId: string): Promise<void> {
    await tx.increment(User, { id: userId }, 'tokenVersion', 1);
  }

  private dummy: Promise<string> | null = null;
  private dummyHash(): Promise<string> {
    this.dummy ??= argon2.hash('not-a-real-password', ARGON2);
    return this.dummy;
  }

  async session(userId: string): Promise<Session> {
    const principal = await this.load(userId);
    if (!principal) throw new NotFoundError('user', userId);
    const accessToken = await this.jwt.signAsync({ sub: principal.userId, ver: principal.tokenVersion ?? 0 });
    return { accessToken, expiresIn: this.config.auth.expiresInSeconds, user: toPublicUser(principal) };
  }

  async publicUser(userId: string): Promise<PublicUser> {
    const principal = await this.load(userId);
    if (!principal) throw new NotFoundError('user', userId);
    return toPublicUser(principal);
  }

  async load(userId: string): Promise<Principal | null> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) return null;
    const [grants, memberships] = await Promise.all([
      this.dataSource.getRepository(RoleGrant).find({ where: { userId }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(Membership).find({ where: { userId }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      mobile: user.mobile,
      roles: grants.map((g) => ({ role: g.role, district: g.district || null })),
      memberships: memberships.map((m) => ({ organisationId: m.organisationId, kind: m.organisationKind, role: m.role })),
      tokenVersion: user.tokenVersion,
    };
  }

  async grantRole(actor: Principal, userId: string, input: GrantRoleInput): Promise<PublicUser> {
    if (input.district && !isDistrictCode(input.district)) {
      throw new InvalidInputError([{ field: 'district', reason: `unknown district code "${input.district}"` }]);
    }
    const district = input.role === 'district_officer' ? input.district! : '';
    await this.uow.run(async (tx) => {
      if (!(await tx.existsBy(User, { id: userId }))) throw new NotFoundError('user', userId);
      if (await tx.existsBy(RoleGrant, { userId, role: input.role, district })) return;
      await tx.insert(RoleGrant, { userId, role: input.role, district, grantedBy: actor.userId });
      await this.revokeTokens(tx, userId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'role.granted',
        entityType: 'user',
        entityId: userId,
        data: { role: input.role, district: district || null },
      });
    });
    return this.publicUser(userId);
  }

  async revokeRole(actor: Principal, userId: string, role: string, district?: string): Promise<PublicUser> {
    await this.uow.run(async (tx) => {
      const result = await tx.delete(RoleGrant, { userId, role, ...(district ? { district } : {}) });
      if (!result.affected) throw new NotFoundError('role_grant');
      await this.revokeTokens(tx, userId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'role.revoked',
        entityType: 'user',
        entityId: userId,
        data: { role, district: district ?? null },
      });
    });
    return this.publicUser(userId);
  }

  async listUsers(q: string | undefined, page: number, pageSize: number): Promise<Page<PublicUser>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').orderBy('u.email', 'ASC');
    if (q) qb.where('LOWER(u.email) LIKE :q OR LOWER(u.displayName) LIKE :q', { q: `%${q.toLowerCase().replace(/[%_\\]/g, '')}%` });
    const [users, total] = await qb
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    const ids = users.map((u) => u.id);
    const grants = ids.length
      ? await this.dataSource.getRepository(RoleGrant).createQueryBuilder('g').where('g.userId IN (:...ids)', { ids }).getMany()
      : [];
    return {
      items: users.map((u) => ({
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        mobile: u.mobile,
        roles: grants.filter((g) => g.userId === u.id).map((g) => ({ role: g.role, district: g.district || null })),
        memberships: [],
      })),
      total,
      page,
      pageSize,
    };
  }

  /** Makes `userId` the owner of a new organisation, inside the caller's transaction. */
  async addOwner(tx: EntityManager, organisationId: string, kind: 'enterprise' | 'provider', userId: string): Promise<void> {
    await tx.insert(Membership, { organisationId, organisationKind: kind, userId, role: 'owner' });
  }

  /**
   * The people a notification reaches: the given users and every member of
   * the given organisations, each once, in one query; unknown ids drop out.
   */
  async contacts(userIds: string[], organisationIds: string[]): Promise<{ userId: string; email: string; displayName: string }[]> {
    if (!userIds.length && !organisationIds.length) return [];
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').select(['u.id', 'u.email', 'u.displayName']);
    const members = qb.subQuery().select('m.userId').from(Membership, 'm').where('m.organisationId IN (:...organisationIds)').getQuery();
    const conditions = [...(userIds.length ? ['u.id IN (:...userIds)'] : []), ...(organisationIds.length ? [`u.id IN ${members}`] : [])];
    const users = await qb.where(conditions.join(' OR '), { userIds, organisationIds }).orderBy('u.email', 'ASC').getMany();
    return users.map((u) => ({ userId: u.id, email: u.email, displayName: u.displayName }));
  }

  /**
   * {@link contacts} of several audiences at once, in one query whatever their
   * number (a re-match notifies a dozen organisations): for each audience, its
   * users and every member of its organisations, each once, by e-mail.
   */
  async contactsOfEach(
    audiences: readonly { userIds: readonly string[]; organisationIds: readonly string[] }[],
    tx?: EntityManager,
  ): Promise<{ userId: string; email: string; displayName: string }[][]> {
    const userIds = [...new Set(audiences.flatMap((a) => a.userIds))];
    const organisationIds = [...new Set(audiences.flatMap((a) => a.organisationIds))];
    if (!userIds.length && !organisationIds.length) return audiences.map(() => []);
    const qb = (tx ?? this.dataSource.manager).getRepository(User).createQueryBuilder('u');
    if (organisationIds.length) qb.leftJoin(Membership, 'm', 'm.userId = u.id AND m.organisationId IN (:...organisationIds)');
    const conditions = [...(userIds.length ? ['u.id IN (:...userIds)'] : []), ...(organisationIds.length ? ['m.id IS NOT NULL'] : [])];
    const rows = await qb
      .select(['u.id AS "userId"', 'u.email AS "email"', 'u.displayName AS "displayName"'])
      .addSelect(organisationIds.length ? 'm.organisationId' : 'NULL', 'organisationId')
      .where(conditions.join(' OR '), { userIds, organisationIds })
      .orderBy('u.email', 'ASC')
      .getRawMany<{ userId: string; email: string; displayName: string; organisationId: string | null }>();
    return audiences.map((audience) => {
      const found = new Map<string, { userId: string; email: string; displayName: string }>();
      for (const { userId, email, displayName, organisationId } of rows) {
        const reached = audience.userIds.includes(userId) || (organisationId !== null && audience.organisationIds.includes(organisationId));
        if (reached && !found.has(userId)) found.set(userId, { userId, email, displayName });
      }
      return [...found.values()];
    });
  }

  /** Ids of the users holding a role (district officers: of that district), for notifying whoever must act next. */
  async holdersOf(role: PlatformRole, district?: string, tx?: EntityManager): Promise<string[]> {
    const grants = await (tx ?? this.dataSource.manager).find(RoleGrant, {
      select: { userId: true },
      where: { role, ...(district !== undefined ? { district } : {}) },
      order: { userId: 'ASC' },
    });
    return [...new Set(grants.map((g) => g.userId))];
  }

  async members(organisationId: string): Promise<MemberView[]> {
    const rows = await this.dataSource
      .getRepository(Membership)
      .createQueryBuilder('m')
      .innerJoin(User, 'u', 'u.id = m.userId')
      .select(['m.userId AS "userId"', 'u.email AS "email"', 'u.displayName AS "displayName"', 'm.role AS "role"'])
      .where('m.organisationId = :organisationId', { organisationId })
      .orderBy('u.email', 'ASC')
      .getRawMany<MemberView>();
    return rows;
  }

  /** An owner adds an existing user to the organisation. */
  async addMember(actor: Principal, organisationId: string, input: AddMemberInput): Promise<MemberView[]> {
    if (!isOwner(actor, organisationId)) throw new ForbiddenError('only an owner of the organisation may add members');
    const kind = actor.memberships.find((m) => m.organisationId === organisationId)!.kind;
    await this.uow.run(async (tx) => {
      const user = await tx.findOneBy(User, { email: input.email });
      if (!user) throw new NotFoundError('user', input.email);
      if (await tx.existsBy(Membership, { organisationId, userId: user.id })) {
        throw new ConflictError('already_member', 'this user is already a member');
      }
      await tx.insert(Membership, { organisationId, organisationKind: kind, userId: user.id, role: input.role });
      await this.revokeTokens(tx, user.id);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'member.added',
        entityType: kind,
        entityId: organisationId,
        data: { userId: user.id, role: input.role },
      });
    });
    return this.members(organisationId);
  }

  /** Creates the configured admin on first start; idempotent. */
  async bootstrapAdmin(): Promise<void> {
    const { email, password } = this.config.admin;
    const existing = await this.dataSource.getRepository(User).findOneBy({ email: email.toLowerCase() });
    if (existing) return;
    const passwordHash = await argon2.hash(password, ARGON2);
    await this.uow.run(async (tx) => {
      const user = await tx.save(tx.create(User, { email: email.toLowerCase(), passwordHash, displayName: '平台管理员' }));
      await tx.insert(RoleGrant, { userId: user.id, role: 'admin', district: '', grantedBy: null });
      await this.audit.record(tx, {
        actorId: null,
        action: 'role.granted',
        entityType: 'user',
        entityId: user.id,
        data: { role: 'admin', bootstrap: true },
      });
    });
    this.logger.log(`admin ${email} created`);
  }

  hashPassword(password: string): Promise<string> {
    return argon2.hash(password, ARGON2);
  }

  /**
   * Creates a user with a password hash from {@link hashPassword} and roles
   * (demo data: hashing once for hundreds of accounts); idempotent by e-mail.
   */
  async ensureUser(
    email: string,
    passwordHash: string,
    displayName: string,
    roles: { role: GrantRoleInput['role']; district?: string }[] = [],
  ): Promise<string> {
    const lower = email.toLowerCase();
    return this.uow.run(async (tx) => {
      const existing = await tx.findOneBy(User, { email: lower });
      if (existing) return existing.id;
      const user = await tx.save(tx.create(User, { email: lower, passwordHash, displayName }));
      for (const r of roles) {
        await tx.insert(RoleGrant, { userId: user.id, role: r.role, district: r.district ?? '', grantedBy: null });
        await this.audit.record(tx, {
          actorId: null,
          action: 'role.granted',
          entityType: 'user',
          entityId: user.id,
          data: { role: r.role, district: r.district ?? null, demo: true },
        });
      }
      return user.id;
    });
  }
}

function toPublicUser(principal: Principal): PublicUser {
  return {
    id: principal.userId,
    email: principal.email,
    displayName: principal.displayName,
    mobile: principal.mobile ?? null,
    roles: principal.roles.map((r) => ({ role: r.role, district: r.district ?? null })),
    memberships: principal.memberships.map((m) => ({ organisationId: m.organisationId, kind: m.kind, role: m.role })),
  };
}

function mobileTaken(): ConflictError {
  return new ConflictError('mobile_taken', 'mobile: 该手机号已被其他账号绑定 (already used by another account)');
}

/** `138****8000`: enough to recognise a number in the audit trail, not to dial it. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
