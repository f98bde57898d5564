import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-error.js';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators.js';
import { hasRole, PRINCIPAL_LOADER, tokenIsCurrent } from './principal.js';
import type { PlatformRole, Principal, PrincipalLoader, TokenClaims } from './principal.js';

/**
 * Global guard: every route needs a valid bearer token unless marked
 * `@Public()`. Roles and memberships are read fresh on each request so a
 * revoked grant takes effect at once.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = bearer(request.headers.authorization);
    if (token) {
      request.principal = await this.resolve(token, isPublic);
    } else if (!isPublic) {
      throw new UnauthenticatedError('missing bearer token');
    }
    const roles = this.reflector.getAllAndOverride<PlatformRole[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length) {
      if (!request.principal) throw new UnauthenticatedError();
      if (!hasRole(request.principal, ...roles)) throw new ForbiddenError(`requires role ${roles.join(' or ')}`, 'role_required');
    }
    return true;
  }

  private async resolve(token: string, isPublic: boolean): Promise<Principal | undefined> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      if (isPublic) return undefined;
      throw new UnauthenticatedError('invalid or expired token');
    }
    const principal = await this.principals.load(claims.sub);
    if (!principal) {
      if (isPublic) return undefined;
      throw new UnauthenticatedError('用户已不存在 (user no longer exists)');
    }
    // Roles, memberships or the password changed since the token was issued: sign in again.
    if (!tokenIsCurrent(claims, principal)) {
      if (isPublic) return undefined;
      throw new UnauthenticatedError('登录已失效，请重新登录 (token revoked: roles, memberships or password changed)', 'token_revoked');
    }
    return principal;
  }
}

function bearer(header: string | undefined): string | null {
  if (!header) return null;
  const [scheme, value] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : null;
}
