import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, InvalidInputError, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  BulkInvitationQuerySchema,
  CSV_CONTENT_TYPE,
  ChainCasesService,
  ChainDashboardService,
  ChainInvitationQueriesService,
  ChainInvitationsService,
  ChainJointNeedsService,
  ChainsService,
  CreateChainCaseSchema,
  CreateChainSchema,
  CreateInvitationSchema,
  CreateJointNeedSchema,
  DashboardQuerySchema,
  ListChainCasesSchema,
  ListChainsSchema,
  ListInvitationsSchema,
  ListMembersSchema,
  OptInSchema,
  XLSX_CONTENT_TYPE,
} from '@smedx/chains';
import type {
  BulkInvitationQuery,
  CreateChainCaseInput,
  CreateChainInput,
  CreateInvitationInput,
  CreateJointNeedInput,
  DashboardQuery,
  ListChainCasesQuery,
  ListChainsQuery,
  ListInvitationsQuery,
  ListMembersQuery,
  OptInInput,
} from '@smedx/chains';
import { UuidParam } from '../http/query.js';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chains')
export class ChainsController {
  constructor(
    private readonly chains: ChainsService,
    private readonly invitations: ChainInvitationsService,
    private readonly invitationQueries: ChainInvitationQueriesService,
    private readonly dashboards: ChainDashboardService,
    private readonly jointNeeds: ChainJointNeedsService,
    private readonly cases: ChainCasesService,
  ) {}

  @Post()
  @ApiOperation({ summary: "Create the chain of the caller's chain-leader enterprise (one per leader; 409 chain_exists)" })
  @ApiZodBody(CreateChainSchema)
  create(@CurrentUser() actor: Principal, @Body(new ZodPipe(CreateChainSchema)) input: CreateChainInput) {
    return this.chains.create(actor, input);
  }

  @Get()
  @ApiOperation({ summary: "Chains the caller's enterprises lead or belong to (officers: every chain)" })
  @ApiZodQuery(ListChainsSchema)
  list(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListChainsSchema)) query: ListChainsQuery) {
    return this.chains.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A chain (its leader, members, invitees and officers; 404 for anyone else)' })
  get(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.chains.get(actor, id);
  }

  @Get(':id/members')
  @ApiOperation({ summary: 'Members of the chain, upstream first (everyone who sees the chain)' })
  @ApiZodQuery(ListMembersSchema)
  members(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(ListMembersSchema)) query: ListMembersQuery,
  ) {
    return this.chains.members(actor, id, query);
  }

  @Get(':id/dashboard')
  @ApiOperation({
    summary: "The leader's dashboard: members by position with digital level, needs and projects, progress to level 2, cohort matches",
  })
  @ApiZodQuery(DashboardQuerySchema)
  dashboard(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(DashboardQuerySchema)) query: DashboardQuery,
  ) {
    return this.dashboards.dashboard(actor, id, query);
  }

  @Post(':id/invitations')
  @ApiOperation({ summary: 'Invite an upstream or downstream enterprise by USCC and/or e-mail; answers {token, expiresAt} once' })
  @ApiZodBody(CreateInvitationSchema)
  invite(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateInvitationSchema)) input: CreateInvitationInput,
  ) {
    return this.invitations.invite(actor, id, input);
  }

  @Post(':id/invitations/bulk')
  @ApiOperation({
    summary:
      'Invite a roster: the body is a CSV (text/csv, UTF-8 or GB18030) or XLSX file with columns 企业名称/统一社会信用代码/邮箱/位置(上游|下游) ' +
      '(or enterpriseName/uscc/email/position). Valid rows are invited; {created: [{row, token, expiresAt}], errors: [{row, field, reason}]}',
  })
  @ApiConsumes(CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiZodQuery(BulkInvitationQuerySchema)
  inviteRoster(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(BulkInvitationQuerySchema)) query: BulkInvitationQuery,
    @Body() file: unknown,
  ) {
    if (!Buffer.isBuffer(file)) {
      throw new InvalidInputError([{ field: '(body)', reason: `must be a CSV (${CSV_CONTENT_TYPE}) or XLSX (${XLSX_CONTENT_TYPE}) file` }]);
    }
    return this.invitations.inviteRoster(actor, id, file, query.expiresInDays);
  }

  @Get(':id/invitations')
  @ApiOperation({ summary: "The chain's invitations (the leader's members and officers); never tokens" })
  @ApiZodQuery(ListInvitationsSchema)
  invitationList(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(ListInvitationsSchema)) query: ListInvitationsQuery,
  ) {
    return this.invitationQueries.list(actor, id, query);
  }

  @Post(':id/members/:enterpriseId/opt-in')
  @HttpCode(200)
  @ApiOperation({ summary: "A member enterprise agrees to be a site of the chain's joint needs (its own members; 409 if already)" })
  @ApiZodBody(OptInSchema)
  optIn(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Param('enterpriseId', new ZodPipe(UuidParam)) enterpriseId: string,
    @Body(new ZodPipe(OptInSchema)) input: OptInInput,
  ) {
    return this.chains.setJointNeedConsent(actor, id, enterpriseId, 'opt_in', input);
  }

  @Post(':id/members/:enterpriseId/opt-out')
  @HttpCode(200)
  @ApiOperation({ summary: "A member enterprise withdraws from the chain's future joint needs (409 if not opted in)" })
  optOut(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Param('enterpriseId', new ZodPipe(UuidParam)) enterpriseId: string,
  ) {
    return this.chains.setJointNeedConsent(actor, id, enterpriseId, 'opt_out');
  }

  @Post(':id/joint-needs')
  @ApiOperation({
    summary:
      "A joint need (联合需求): one need of the leader with the opted-in members as sites (the leader's members; 409 if none opted in)",
  })
  @ApiZodBody(CreateJointNeedSchema)
  createJointNeed(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateJointNeedSchema)) input: CreateJointNeedInput,
  ) {
    return this.jointNeeds.create(actor, id, input);
  }

  @Get(':id/joint-needs')
  @ApiOperation({ summary: "The chain's joint needs (members see the published ones)" })
  @ApiZodQuery(ListChainsSchema)
  jointNeedList(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(ListChainsSchema)) query: ListChainsQuery,
  ) {
    return this.jointNeeds.list(actor, id, query);
  }

  @Post(':id/cases')
  @ApiOperation({
    summary: "Nominate a chain case (链式典型案例) from accepted projects of the chain's enterprises (the leader's members)",
  })
  @ApiZodBody(CreateChainCaseSchema)
  nominateCase(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateChainCaseSchema)) input: CreateChainCaseInput,
  ) {
    return this.cases.nominate(actor, id, input);
  }

  @Get(':id/cases')
  @ApiOperation({ summary: "The chain's nominated cases (everyone who sees the chain)" })
  @ApiZodQuery(ListChainCasesSchema)
  caseList(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(ListChainCasesSchema)) query: ListChainCasesQuery,
  ) {
    return this.cases.listOfChain(actor, id, query);
  }
}
