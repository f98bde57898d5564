import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Short-lived download links: `exp` (epoch seconds) and an HMAC-SHA256 over
 * the file id, the user it was issued to and `exp`, keyed with the server's
 * secret. A link is never public: it names its user, and the download route
 * checks again that this user may read the file's owner.
 */
export interface SignedLink {
  uid: string;
  exp: number;
  sig: string;
}

const mac = (secret: string, fileId: string, uid: string, exp: number) =>
  createHmac('sha256', secret).update(`file:${fileId}:${uid}:${exp}`).digest('base64url');

export function signFileLink(secret: string, fileId: string, uid: string, expiresAt: Date): SignedLink {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return { uid, exp, sig: mac(secret, fileId, uid, exp) };
}

/** Whether the link is genuine and not yet expired at `now`. */
export function verifyFileLink(secret: string, fileId: string, link: SignedLink, now: Date): boolean {
  if (!Number.isSafeInteger(link.exp) || link.exp * 1000 < now.getTime()) return false;
  const expected = Buffer.from(mac(secret, fileId, link.uid, link.exp));
  const given = Buffer.from(link.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
