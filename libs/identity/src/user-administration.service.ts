import { Inject, Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { APP_CONFIG, InvalidInputError, NotFoundError, UnitOfWork } from '@smedx/platform';
import type { AppConfig, Principal } from '@smedx/platform';
import type { Page } from '@smedx/contracts';
import { AuditService } from '@smedx/audit';
import { isDistrictCode } from '@smedx/taxonomy';
import type { GrantRoleInput } from './dto/identity.dto.js';
import { IdentityService } from './identity.service.js';
import type { PublicUser } from './identity.service.js';
import { ARGON2 } from './password-hash.js';
import { RoleGrant } from './role-grant.entity.js';
import { User } from './user.entity.js';

/**
 * The platform's hand on accounts: role grants and revocations, the user list
 * for administrators, and accounts made without signing up (the configured
 * admin on first start, demo users).
 */
@Injectable()
export class UserAdministrationService {
  // The log context of these lines from before the split, so log filters keep matching.
  private readonly logger = new Logger('IdentityService');

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly identity: IdentityService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async grantRole(actor: Principal, userId: string, input: GrantRoleInput): Promise<PublicUser> {
    if (input.district && !isDistrictCode(input.district)) {
      throw new InvalidInputError([{ field: 'district', reason: `unknown district code "${input.district}"` }]);
    }
    const district = input.role === 'district_officer' ? input.district! : '';
    await this.uow.run(async (tx) => {
      if (!(await tx.existsBy(User, { id: userId }))) throw new NotFoundError('user', userId);
      if (await tx.existsBy(RoleGrant, { userId, role: input.role, district })) return;
      await tx.insert(RoleGrant, { userId, role: input.role, district, grantedBy: actor.userId });
      await this.identity.revokeTokens(tx, userId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'role.granted',
        entityType: 'user',
        entityId: userId,
        data: { role: input.role, district: district || null },
      });
    });
    return this.identity.publicUser(userId);
  }

  async revokeRole(actor: Principal, userId: string, role: string, district?: string): Promise<PublicUser> {
    await this.uow.run(async (tx) => {
      const result = await tx.delete(RoleGrant, { userId, role, ...(district ? { district } : {}) });
      if (!result.affected) throw new NotFoundError('role_grant');
      await this.identity.revokeTokens(tx, userId);
      await this.audit.record(tx, {
        actorId: actor.userId,
        action: 'role.revoked',
        entityType: 'user',
        entityId: userId,
        data: { role, district: district ?? null },
      });
    });
    return this.identity.publicUser(userId);
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
