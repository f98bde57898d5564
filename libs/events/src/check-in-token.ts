import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Check-in tokens: what a participant's QR code holds. `SCI1.<payload>.<sig>`,
 * both parts base64url: the payload packs the event id and the registration id
 * (16 bytes each) and the expiry (epoch seconds, 4 bytes); the signature is an
 * HMAC-SHA256 over the payload, keyed with the server's secret, cut to 128 bits
 * so the QR image stays small enough to scan from a phone screen.
 */
export interface CheckInClaims {
  eventId: string;
  registrationId: string;
  expiresAt: Date;
}

const PREFIX = 'SCI1';
const SIG_BYTES = 16;

/** What goes wrong with a token: `invalid` (malformed or forged) before `expired` is even looked at. */
export type CheckInTokenProblem = 'invalid' | 'expired';

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
// Domain-separated from the other uses of the secret (sessions, file links).
const mac = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(`check-in:${PREFIX}:${payload}`).digest().subarray(0, SIG_BYTES);

export function signCheckInToken(secret: string, claims: CheckInClaims): string {
  const payload = Buffer.alloc(36);
  uuidBytes(claims.eventId).copy(payload, 0);
  uuidBytes(claims.registrationId).copy(payload, 16);
  payload.writeUInt32BE(Math.floor(claims.expiresAt.getTime() / 1000), 32);
  const encoded = payload.toString('base64url');
  return `${PREFIX}.${encoded}.${mac(secret, encoded).toString('base64url')}`;
}

/** The token's claims, or what is wrong with it at `now`. */
export function verifyCheckInToken(
  secret: string,
  token: string,
  now: Date,
): { ok: true; claims: CheckInClaims } | { ok: false; problem: CheckInTokenProblem } {
  const [prefix, encoded, sig, ...rest] = token.trim().split('.');
  if (prefix !== PREFIX || !encoded || !sig || rest.length) return { ok: false, problem: 'invalid' };
  const payload = Buffer.from(encoded, 'base64url');
  const given = Buffer.from(sig, 'base64url');
  // Only the canonical encoding counts, so one token has one spelling.
  if (payload.length !== 36 || payload.toString('base64url') !== encoded || given.toString('base64url') !== sig) {
    return { ok: false, problem: 'invalid' };
  }
  const expected = mac(secret, encoded);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'invalid' };
  const expiresAt = new Date(payload.readUInt32BE(32) * 1000);
  if (expiresAt.getTime() < now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { eventId: uuidOf(payload.subarray(0, 16)), registrationId: uuidOf(payload.subarray(16, 32)), expiresAt } };
}

/** Letters and digits that read unambiguously aloud and on paper: no 0/O, 1/I. 32 of them, 5 bits each. */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SHORT_CODE_LENGTH = 6;

/** A random short code (about a billion possibilities; uniqueness within an event is the database's unique index). */
export function newShortCode(): string {
  return [...randomBytes(SHORT_CODE_LENGTH)].map((b) => SHORT_CODE_ALPHABET[b & 31]).join('');
}

/** A typed code as stored: upper case, without the spaces and dashes people put in. */
export function normaliseShortCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}
