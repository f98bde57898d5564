import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, CurrentUser, Public, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { ChainInvitationsService } from '@smedx/chains';
import type { InvitationOutcome } from '@smedx/chains';
import { ChangePasswordSchema, IdentityService, LoginSchema, RegisterSchema } from '@smedx/identity';
import type { ChangePasswordInput, LoginInput, RegisterInput } from '@smedx/identity';
import type { SignUpView, SessionView, UserView } from '@smedx/contracts';
import { AUTH_RATE_LIMIT } from '../http/rate-limit.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly chainInvitations: ChainInvitationsService,
  ) {}

  @Post('register')
  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiOperation({
    summary:
      'Create an account; returns a session. With invitationToken (a chain invitation) the token is spent in the same ' +
      'transaction and the answer carries `chainInvitation` (status accepted_pending_enterprise): register or join the ' +
      'enterprise, then POST /chain-invitations/:token/accept',
  })
  @ApiZodBody(RegisterSchema)
  async register(@Body(new ZodPipe(RegisterSchema)) input: RegisterInput): Promise<SignUpView> {
    const token = input.invitationToken;
    if (!token) return this.identity.register(input);
    let chainInvitation: InvitationOutcome | undefined;
    const session = await this.identity.register(input, async (tx, user) => {
      chainInvitation = await this.chainInvitations.claimOnRegistration(tx, token, user);
    });
    return { ...session, chainInvitation };
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiOperation({
    summary:
      'Exchange e-mail and password for a bearer token. After LOGIN_MAX_FAILURES wrong passwords in a row the account ' +
      'is locked for LOGIN_LOCK_SECONDS: 429 account_locked with Retry-After',
  })
  @ApiZodBody(LoginSchema)
  login(@Body(new ZodPipe(LoginSchema)) input: LoginInput): Promise<SessionView> {
    return this.identity.login(input);
  }

  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiOperation({
    summary:
      'Change my password (the current one must be right; the new one follows the password rules). Every token issued ' +
      'before is revoked; the answer is a fresh session',
  })
  @ApiZodBody(ChangePasswordSchema)
  changePassword(@CurrentUser() principal: Principal, @Body(new ZodPipe(ChangePasswordSchema)) input: ChangePasswordInput) {
    return this.identity.changePassword(principal, input);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, with roles and memberships' })
  me(@CurrentUser() principal: Principal): Promise<UserView> {
    return this.identity.publicUser(principal.userId);
  }
}
