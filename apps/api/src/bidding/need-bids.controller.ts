import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import {
  AwardBidSchema,
  BidAwardService,
  BidInvitationsService,
  BidQueriesService,
  BiddingService,
  ExtendDeadlineSchema,
  InviteToBidSchema,
  ListBidsSchema,
  SubmitBidSchema,
} from '@smedx/bidding';
import type { AwardBidInput, ExtendDeadlineInput, InviteToBidInput, ListBidsQuery, SubmitBidInput } from '@smedx/bidding';
import { UuidParam } from '../http/query.js';

/** Bidding routes under a need: bid, compare, award, extend the deadline. */
@ApiTags('bidding')
@ApiBearerAuth()
@Controller('needs')
export class NeedBidsController {
  constructor(
    private readonly bidding: BiddingService,
    private readonly queries: BidQueriesService,
    private readonly awards: BidAwardService,
    private readonly invitations: BidInvitationsService,
  ) {}

  @Post(':id/bids')
  @ApiOperation({ summary: 'Bid on a published need before its deadline (members of an approved provider)' })
  @ApiZodBody(SubmitBidSchema)
  submit(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(SubmitBidSchema)) input: SubmitBidInput,
  ) {
    return this.bidding.submit(actor, id, input);
  }

  @Get(':id/bids')
  @ApiOperation({
    summary:
      "The need's bids: all of them side by side (match score, provider record, subsidy estimate) for its enterprise and officers; a provider sees only its own",
  })
  @ApiZodQuery(ListBidsSchema)
  list(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Query(new ZodPipe(ListBidsSchema)) query: ListBidsQuery,
  ) {
    return this.queries.listForNeed(actor, id, query);
  }

  @Post(':id/invitations')
  @ApiOperation({
    summary:
      'Invite an approved provider to bid on this published need (邀请投标; members of its enterprise): one invitation per provider and need (409 already_invited), the provider notified once',
  })
  @ApiZodBody(InviteToBidSchema)
  invite(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(InviteToBidSchema)) input: InviteToBidInput,
  ) {
    return this.invitations.invite(actor, id, input);
  }

  @Get(':id/invitations')
  @ApiOperation({ summary: "The need's invitations to bid and the bids they brought (its enterprise and officers)" })
  listInvitations(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.invitations.forNeed(actor, id);
  }

  @Post(':id/award')
  @ApiOperation({ summary: 'Award one bid (members of the enterprise): the need becomes awarded and a project is created' })
  @ApiZodBody(AwardBidSchema)
  award(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(AwardBidSchema)) input: AwardBidInput,
  ) {
    return this.awards.award(actor, id, input);
  }

  @Post(':id/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move the bid deadline of a published need without bids later (members of the enterprise)' })
  @ApiZodBody(ExtendDeadlineSchema)
  extend(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ExtendDeadlineSchema)) input: ExtendDeadlineInput,
  ) {
    return this.awards.extendDeadline(actor, id, input);
  }
}
