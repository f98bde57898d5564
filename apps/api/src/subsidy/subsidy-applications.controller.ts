import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiZodBody, ApiZodQuery, CurrentUser, Roles, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  CreateChangeRequestSchema,
  CreateSubsidyApplicationSchema,
  DecideChangeRequestSchema,
  DisburseSubsidySchema,
  ListSubsidyApplicationsSchema,
  ResubmitSubsidyApplicationSchema,
  ReviewSubsidyApplicationSchema,
  RevokeSubsidySchema,
  SubsidyApplicationQueriesService,
  SubsidyApplicationsService,
  SubsidyChangeRequestsService,
} from '@smedx/subsidy';
import type {
  CreateChangeRequestInput,
  CreateSubsidyApplicationInput,
  DecideChangeRequestInput,
  DisburseSubsidyInput,
  ListSubsidyApplicationsQuery,
  ResubmitSubsidyApplicationInput,
  ReviewSubsidyApplicationInput,
  RevokeSubsidyInput,
} from '@smedx/subsidy';
import { UuidParam } from '../http/query.js';

// Parsed as an object so that a 400 names the parameter (`cid: must be a UUID`).
const ChangeParams = z.object({ id: UuidParam, cid: UuidParam });

@ApiTags('subsidy')
@ApiBearerAuth()
@Controller('subsidy-applications')
export class SubsidyApplicationsController {
  constructor(
    private readonly applications: SubsidyApplicationsService,
    private readonly queries: SubsidyApplicationQueriesService,
    private readonly changes: SubsidyChangeRequestsService,
  ) {}

  @Post()
  @ApiOperation({
    summary:
      'Apply for the subsidy (专项资金) on an accepted level-2+ project {enterpriseId, projectId, lines: [{category, amountFen, description}]}; 409 with a code when not eligible',
  })
  @ApiZodBody(CreateSubsidyApplicationSchema)
  submit(@CurrentUser() actor: Principal, @Body(new ZodPipe(CreateSubsidyApplicationSchema)) input: CreateSubsidyApplicationInput) {
    return this.applications.submit(actor, input);
  }

  @Get()
  @ApiOperation({ summary: "Applications: all for city officers, their district's for district officers, their own for members" })
  @ApiZodQuery(ListSubsidyApplicationsSchema)
  list(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListSubsidyApplicationsSchema)) query: ListSubsidyApplicationsQuery) {
    return this.queries.list(actor, query);
  }

  @Get(':id')
  @ApiOperation({
    summary: "An application with its figures, history and change requests (members, the district's officer, city officers)",
  })
  get(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.queries.get(actor, id);
  }

  @Post(':id/reviews')
  @Roles('district_officer', 'city_officer')
  @ApiOperation({
    summary:
      "Review decision {decision: approve|return|reject, reason}: 初审 by the enterprise's district officer, 复核 by a city officer; reason required to return or reject",
  })
  @ApiZodBody(ReviewSubsidyApplicationSchema)
  review(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ReviewSubsidyApplicationSchema)) input: ReviewSubsidyApplicationInput,
  ) {
    return this.applications.review(actor, id, input);
  }

  @Post(':id/resubmit')
  @ApiOperation({ summary: 'Resubmit a returned application {lines?, note?}; it goes back to the district review' })
  @ApiZodBody(ResubmitSubsidyApplicationSchema)
  resubmit(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ResubmitSubsidyApplicationSchema)) input: ResubmitSubsidyApplicationInput,
  ) {
    return this.applications.resubmit(actor, id, input);
  }

  @Post(':id/disbursement')
  @Roles('city_officer')
  @ApiOperation({ summary: 'Record the payment {paidFen, reference?} of an approved application; paidFen at most the approved amount' })
  @ApiZodBody(DisburseSubsidySchema)
  disburse(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(DisburseSubsidySchema)) input: DisburseSubsidyInput,
  ) {
    return this.applications.disburse(actor, id, input);
  }

  @Post(':id/revoke')
  @Roles('city_officer')
  @ApiOperation({ summary: 'Revoke for fraud {reason}: paid money due for clawback, the enterprise blacklisted for three years' })
  @ApiZodBody(RevokeSubsidySchema)
  revoke(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(RevokeSubsidySchema)) input: RevokeSubsidyInput,
  ) {
    return this.applications.revoke(actor, id, input);
  }

  @Post(':id/changes')
  @ApiOperation({ summary: 'Request a major change {kind: subject|content|nature, description, reason} (members of the enterprise)' })
  @ApiZodBody(CreateChangeRequestSchema)
  requestChange(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(CreateChangeRequestSchema)) input: CreateChangeRequestInput,
  ) {
    return this.changes.requestChange(actor, id, input);
  }

  @Post(':id/changes/:cid/decision')
  @Roles('district_officer')
  @ApiOperation({
    summary: "The district's decision on a change request {decision: approve|reject, reason}; approved ones are filed with the city",
  })
  @ApiZodBody(DecideChangeRequestSchema)
  decideChange(
    @CurrentUser() actor: Principal,
    @Param(new ZodPipe(ChangeParams)) params: z.infer<typeof ChangeParams>,
    @Body(new ZodPipe(DecideChangeRequestSchema)) input: DecideChangeRequestInput,
  ) {
    return this.changes.decideChange(actor, params.id, params.cid, input);
  }
}
