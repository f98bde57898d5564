import type { PlatformRole } from '@smedx/contracts';

/** Roles an admin grants (`PLATFORM_ROLES`); organisation roles (owner, member) live on memberships. */
export { PLATFORM_ROLES } from '@smedx/contracts';
export type { PlatformRole } from '@smedx/contracts';

export interface RoleGrant {
  role: PlatformRole;
  /** Set for district officers: the district code their scope covers. */
  district?: string | null;
}

export interface Membership {
  organisationId: string;
  kind: 'enterprise' | 'provider';
  role: 'owner' | 'member';
}

/** Who is calling, as the auth guard resolved it from the bearer token. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  /** The user's mobile number, when they gave one. */
  mobile?: string | null;
  roles: RoleGrant[];
  memberships: Membership[];
  /** The user's current token version: a token carrying another (`ver`) is revoked. */
  tokenVersion?: number;
}

/** The claims of an access token: the user and the token version it was issued under. */
export interface TokenClaims {
  sub: string;
  /** Absent on tokens issued before versions existed: counts as 0. */
  ver?: number;
  exp?: number;
}

/** Whether a token issued under `claims` is still good for the user as now loaded. */
export function tokenIsCurrent(claims: TokenClaims, principal: Principal): boolean {
  return (claims.ver ?? 0) === (principal.tokenVersion ?? 0);
}

export function hasRole(principal: Principal | null | undefined, ...roles: PlatformRole[]): boolean {
  return !!principal && principal.roles.some((g) => roles.includes(g.role));
}

export function isMember(principal: Principal | null | undefined, organisationId: string): boolean {
  return !!principal && principal.memberships.some((m) => m.organisationId === organisationId);
}

export function isOwner(principal: Principal | null | undefined, organisationId: string): boolean {
  return !!principal && principal.memberships.some((m) => m.organisationId === organisationId && m.role === 'owner');
}

/** Injection token of the {@link PrincipalLoader}, provided by the identity context. */
export const PRINCIPAL_LOADER = Symbol('PRINCIPAL_LOADER');

export interface PrincipalLoader {
  /** The user's current roles and memberships, or null if the user is gone. */
  load(userId: string): Promise<Principal | null>;
}

/**
 * A visitor without a token on a public route: no roles, no memberships. Services that
 * already decide by roles and memberships give it exactly what everyone may see.
 */
export const ANONYMOUS: Principal = Object.freeze({
  userId: '',
  email: '',
  displayName: '',
  roles: Object.freeze([]) as unknown as RoleGrant[],
  memberships: Object.freeze([]) as unknown as Membership[],
});

export function isAnonymous(principal: Principal | null | undefined): boolean {
  return !principal || principal.userId === '';
}
