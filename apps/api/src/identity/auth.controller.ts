import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiZodBody, CurrentUser, Public, ZodPipe } from '@smedx/platform';
import type { Principal } from '@smedx/platform';
import { ChainInvitationsService } from '@smedx/chains';
import type { InvitationOutcome } from '@smedx/chains';
import {
  ChangePasswordSchema,
  IdentityService,
  LoginSchema,
  PasswordSignInService,
  RegisterSchema,
  SmsCodeRequestSchema,
  SmsLoginSchema,
  SmsSignInService,
  UpdateMeSchema,
} from '@smedx/identity';
import type { ChangePasswordInput, LoginInput, RegisterInput, SmsCodeRequestInput, SmsLoginInput, UpdateMeInput } from '@smedx/identity';
import type { SignUpView, SessionView, SmsCodeSentView, UserView } from '@smedx/contracts';
import { AUTH_RATE_LIMIT, SMS_CODE_RATE_LIMIT } from '../http/rate-limit.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly identity: IdentityService,
    private readonly passwordSignIn: PasswordSignInService,
    private readonly smsSignIn: SmsSignInService,
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
    if (!token) return this.passwordSignIn.register(input);
    let chainInvitation: InvitationOutcome | undefined;
    const session = await this.passwordSignIn.register(input, async (tx, user) => {
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
    return this.passwordSignIn.login(input);
  }

  @Post('sms-code')
  @Public()
  @HttpCode(202)
  @RouteConfig(SMS_CODE_RATE_LIMIT)
  @ApiOperation({
    summary:
      'Send a 6-digit sign-in code by SMS (valid 5 minutes; a new one supersedes the old). The answer is the same ' +
      'whether or not the number is registered. 429 sms_rate_limited: the number asked within 60 s or 5 times within ' +
      'the hour; 429 rate_limited: this address asked SMS_CODE_ADDRESS_LIMIT times within its window',
  })
  @ApiZodBody(SmsCodeRequestSchema)
  requestSmsCode(@Body(new ZodPipe(SmsCodeRequestSchema)) input: SmsCodeRequestInput): Promise<SmsCodeSentView> {
    return this.smsSignIn.requestCode(input);
  }

  @Post('sms-login')
  @Public()
  @HttpCode(200)
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiOperation({
    summary:
      'Exchange a mobile number and its SMS code for the same session as /auth/login. 401 sms_code_wrong (details.' +
      'remainingAttempts), 410 sms_code_exhausted after 5 wrong tries, 410 sms_code_expired, 401 sms_code_invalid',
  })
  @ApiZodBody(SmsLoginSchema)
  smsLogin(@Body(new ZodPipe(SmsLoginSchema)) input: SmsLoginInput): Promise<SessionView> {
    return this.smsSignIn.signIn(input);
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
    return this.passwordSignIn.changePassword(principal, input);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, with roles and memberships' })
  me(@CurrentUser() principal: Principal): Promise<UserView> {
    return this.identity.publicUser(principal.userId);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change my display name and/or mobile number (null removes it); 409 mobile_taken' })
  @ApiZodBody(UpdateMeSchema)
  updateMe(@CurrentUser() principal: Principal, @Body(new ZodPipe(UpdateMeSchema)) input: UpdateMeInput): Promise<UserView> {
    return this.identity.updateMe(principal, input);
  }
}
