import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodQuery, CurrentUser, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { BidInvitationsService, ListInvitationsSchema } from '@smedx/bidding';
import type { ListInvitationsQuery } from '@smedx/bidding';

/** A provider's invitations to bid (邀请投标), newest first. */
@ApiTags('bidding')
@ApiBearerAuth()
@Controller('bid-invitations')
export class BidInvitationsController {
  constructor(private readonly invitations: BidInvitationsService) {}

  @Get()
  @ApiOperation({ summary: "The invitations to the caller's provider (name it with providerId when a member of several)" })
  @ApiZodQuery(ListInvitationsSchema)
  mine(@CurrentUser() actor: Principal, @Query(new ZodPipe(ListInvitationsSchema)) query: ListInvitationsQuery) {
    return this.invitations.mine(actor, query);
  }
}
