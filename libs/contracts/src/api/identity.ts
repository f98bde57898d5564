import { z } from 'zod';
import { instant, uuid } from '../wire.js';
import { InvitationOutcomeSchema } from './chains.js';
import { json } from './route.js';

/** Roles an admin grants; organisation roles (owner, member) live on memberships. */
export const PLATFORM_ROLES = ['admin', 'city_officer', 'district_officer', 'assessor', 'organizer'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** The two kinds of organisation a user can belong to. */
export const ORGANISATION_KINDS = ['enterprise', 'provider'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A user's role in an organisation. */
export const MEMBERSHIP_ROLES = ['owner', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A platform role held by a user; district officers hold it for one district. */
export const RoleGrantViewSchema = z.strictObject({
  role: z.enum(PLATFORM_ROLES),
  /** The district code a district officer's scope covers; null for the other roles. */
  district: z.string().nullable(),
});
export type RoleGrantView = z.output<typeof RoleGrantViewSchema>;

/** A user's membership of an enterprise or provider. */
export const MembershipViewSchema = z.strictObject({
  organisationId: uuid,
  kind: z.enum(ORGANISATION_KINDS),
  role: z.enum(MEMBERSHIP_ROLES),
});
export type MembershipView = z.output<typeof MembershipViewSchema>;

/** A user as the API shows it (never the password hash). */
export const UserViewSchema = z.strictObject({
  id: uuid,
  email: z.string(),
  displayName: z.string(),
  /** Mainland mobile number (11 digits) for sign-in by SMS code; null when none was given. */
  mobile: z.string().nullable(),
  roles: z.array(RoleGrantViewSchema),
  /** The user's organisations (empty in the admin's user list, which does not load them). */
  memberships: z.array(MembershipViewSchema),
});
export type UserView = z.output<typeof UserViewSchema>;

/** A signed-in session: the bearer token, its lifetime in seconds, and who it is for. */
export const SessionViewSchema = z.strictObject({
  accessToken: z.string(),
  expiresIn: z.number().int().positive(),
  user: UserViewSchema,
});
export type SessionView = z.output<typeof SessionViewSchema>;

/**
 * What registering answers: the session, plus — when the account was created with a
 * chain invitation's token — what became of that invitation (the token is spent in the
 * same transaction). It is the chains context's invitation outcome.
 */
export const SignUpViewSchema = SessionViewSchema.extend({ chainInvitation: InvitationOutcomeSchema.optional() });
export type SignUpView = z.output<typeof SignUpViewSchema>;

/** A member of an organisation, as its members and admins see the list. */
export const MemberViewSchema = z.strictObject({
  userId: uuid,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(MEMBERSHIP_ROLES),
});
export type MemberView = z.output<typeof MemberViewSchema>;

/**
 * The answer to a sign-in code request, the same whether or not the number is
 * registered (so it reveals nothing): how long a code works, when to ask again.
 */
export const SmsCodeSentViewSchema = z.strictObject({
  message: z.string(),
  expiresInSeconds: z.number().int().positive(),
  resendAfterSeconds: z.number().int().positive(),
});
export type SmsCodeSentView = z.output<typeof SmsCodeSentViewSchema>;

/** A text message kept without an SMS provider (embedded mode), as admins read it. */
export const SmsMessageViewSchema = z.strictObject({
  id: uuid,
  mobile: z.string(),
  text: z.string(),
  createdAt: instant,
});
export type SmsMessageView = z.output<typeof SmsMessageViewSchema>;

export const identityRoutes = {
  'POST /auth/register': json(SignUpViewSchema),
  /** A fresh session: every token issued before is revoked. */
  'POST /auth/password': json(SessionViewSchema),
  'POST /auth/login': json(SessionViewSchema),
  'GET /auth/me': json(UserViewSchema),
  'PATCH /auth/me': json(UserViewSchema),
  /** 202: answered alike for registered and unknown numbers. */
  'POST /auth/sms-code': json(SmsCodeSentViewSchema),
  'POST /auth/sms-login': json(SessionViewSchema),
  'GET /organisations/:id/members': json(z.array(MemberViewSchema)),
  'POST /organisations/:id/members': json(z.array(MemberViewSchema)),
} as const;
