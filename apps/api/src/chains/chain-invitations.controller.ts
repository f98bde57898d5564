import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, CurrentUser, Public, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { AcceptInvitationSchema, ChainInvitationQueriesService, ChainInvitationsService, InvitationTokenParam } from '@smedx/chains';
import type { AcceptInvitationInput } from '@smedx/chains';
import { EXPENSIVE_RATE_LIMIT } from '../http/rate-limit.js';

@ApiTags('chains')
@ApiBearerAuth()
@Controller('chain-invitations')
export class ChainInvitationsController {
  constructor(
    private readonly invitations: ChainInvitationsService,
    private readonly invitationQueries: ChainInvitationQueriesService,
  ) {}

  @Get(':token')
  @Public()
  @RouteConfig(EXPENSIVE_RATE_LIMIT)
  @ApiOperation({
    summary:
      'What an invitation link is for, before answering it (no sign-in: the token is the secret): the chain, its leader, the position, ' +
      'the enterprise invited, the status (pending, expired, accepted…) and the expiry. 404 for an unknown token',
  })
  preview(@Param('token', new ZodPipe(InvitationTokenParam)) token: string) {
    return this.invitationQueries.preview(token);
  }

  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accept a chain invitation: the invited enterprise joins (a member of the enterprise with its USCC, or the user with its e-mail). ' +
      'Without an enterprise yet: status accepted_pending_enterprise, accept again once it exists. 409 used/declined, 410 expired',
  })
  @ApiZodBody(AcceptInvitationSchema)
  accept(
    @CurrentUser() actor: Principal,
    @Param('token', new ZodPipe(InvitationTokenParam)) token: string,
    @Body(new ZodPipe(AcceptInvitationSchema)) input: AcceptInvitationInput,
  ) {
    return this.invitations.accept(actor, token, input);
  }

  @Post(':token/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline a chain invitation (whoever may accept it); the token is spent. 409 used, 410 expired' })
  decline(@CurrentUser() actor: Principal, @Param('token', new ZodPipe(InvitationTokenParam)) token: string) {
    return this.invitations.decline(actor, token);
  }
}
