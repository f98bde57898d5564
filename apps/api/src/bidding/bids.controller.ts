import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { BidActionSchema, BidQueriesService, BiddingService, ListMyBidsSchema, ReviseBidSchema } from '@smedx/bidding';
import type { BidActionInput, ListMyBidsQuery, ReviseBidInput } from '@smedx/bidding';
import { UuidParam } from '../http/query.js';

/** The caller's providers' bids; one bid: read, revise, withdraw, shortlist. */
@ApiTags('bidding')
@ApiBearerAuth()
@Controller('bids')
export class BidsController {
  constructor(
    private readonly bidding: BiddingService,
    private readonly queries: BidQueriesService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The bids of the caller's providers, latest first, with the needs they are on (status filter, paging)" })
  @ApiZodQuery(ListMyBidsSchema)
  mine(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListMyBidsSchema)) query: ListMyBidsQuery) {
    return this.queries.mine(actor, query);
  }

  @Get(':id')
  @ApiOperation({ summary: "One bid with its revision history (its provider's members, the need's enterprise, officers)" })
  get(@CurrentUser() actor: Principal, @Param('id', new ZodPipe(UuidParam)) id: string) {
    return this.queries.get(actor, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Revise a submitted bid before the deadline (members of its provider); the previous terms stay in its history' })
  @ApiZodBody(ReviseBidSchema)
  revise(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(ReviseBidSchema)) input: ReviseBidInput,
  ) {
    return this.bidding.revise(actor, id, input);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a bid before the award (members of its provider)' })
  @ApiZodBody(BidActionSchema)
  withdraw(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(BidActionSchema)) input: BidActionInput,
  ) {
    return this.bidding.withdraw(actor, id, input);
  }

  @Post(':id/shortlist')
  @HttpCode(200)
  @ApiOperation({ summary: "Shortlist a bid (members of the need's enterprise); its provider is told" })
  @ApiZodBody(BidActionSchema)
  shortlist(
    @CurrentUser() actor: Principal,
    @Param('id', new ZodPipe(UuidParam)) id: string,
    @Body(new ZodPipe(BidActionSchema)) input: BidActionInput,
  ) {
    return this.bidding.shortlist(actor, id, input);
  }
}
