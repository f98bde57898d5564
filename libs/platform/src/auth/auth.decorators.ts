import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ANONYMOUS } from './principal.js';
import type { PlatformRole, Principal } from './principal.js';

export const IS_PUBLIC = 'smedx:public';
export const REQUIRED_ROLES = 'smedx:roles';

/** No token needed; a valid token, if sent, still identifies the caller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only callers holding one of these platform roles. */
export const Roles = (...roles: PlatformRole[]): MethodDecorator & ClassDecorator => SetMetadata(REQUIRED_ROLES, roles);

/** The resolved caller; `null` on a public route called without a token. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal | null => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  return request.principal ?? null;
});

/**
 * The caller on a route open to visitors: the signed-in principal, or {@link ANONYMOUS}
 * (no roles, no memberships) when no valid token came with the request.
 */
export const CurrentViewer = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  return request.principal ?? ANONYMOUS;
});
