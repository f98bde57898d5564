import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { IdentityService } from '@smedx/identity';
import { PageQuery } from '../http/query.js';
import { auditScopeOf } from './audit-scope.js';

const AuditQuery = PageQuery.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(80).optional(),
  actorId: z.string().max(36).optional(),
});

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly identity: IdentityService,
  ) {}

  @Get()
  @Roles('city_officer', 'district_officer', 'admin')
  @ApiOperation({
    summary:
      'The audit trail: review decisions, role grants, awards, money changes. A district officer reads only the entries of ' +
      "their district's enterprises, needs, bids, projects, subsidy applications and events, and of providers",
  })
  @ApiZodQuery(AuditQuery)
  async list(@CurrentUser() principal: Principal, @Query(new ZodPipe(AuditQuery)) q: z.infer<typeof AuditQuery>) {
    const page = await this.audit.list(q, auditScopeOf(principal, this.dataSource));
    // People by name (办理人), in one query for the page.
    const ids = [...new Set(page.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    const names = new Map((await this.identity.contacts(ids, [])).map((c) => [c.userId, c.displayName]));
    return { ...page, items: page.items.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? null) : null })) };
  }
}
