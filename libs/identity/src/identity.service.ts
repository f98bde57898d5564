import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UnitOfWork,
  isOwner,
  isUniqueViolation,
} from '@smedx/platform';
import type { AppConfig, PlatformRole, Principal, PrincipalLoader } from '@smedx/platform';
import type { MemberView, SessionView, UserView } from '@smedx/contracts';
import { AuditService } from '@smedx/audit';
import type { AddMemberInput, UpdateMeInput } from './dto/identity.dto.js';
import { mobileTaken } from './identity.errors.js';
import { Membership } from './membership.entity.js';
import { RoleGrant } from './role-grant.entity.js';
import { User } from './user.entity.js';

/** A user as the API shows it (`UserView` of the contract). */
export type PublicUser = UserView;
/** A signed-in session (`SessionView` of the contract). */
export type Session = SessionView;

/**
 * Accounts and organisation memberships: the guard's principal loader, sessions,
 * the caller's profile, and the directory lookups other contexts call (contacts,
 * role holders, members). Password sign-in is `PasswordSignInService`'s;
 * role grants and provisioned accounts are `UserAdministrationService`'s.
 */
@Injectable()
export class IdentityService implements PrincipalLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

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

  /** Revokes every token of the user issued so far (the guard compares the version they carry). */
  async revokeTokens(tx: EntityManager, userId: string): Promise<void> {
    await tx.increment(User, { id: userId }, 'tokenVersion', 1);
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

/** `138****8000`: enough to recognise a number in the audit trail, not to dial it. */
export function maskMobile(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(-4)}`;
}
