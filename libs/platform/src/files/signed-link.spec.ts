import { signFileLink, verifyFileLink } from './signed-link.js';

describe('signed file links', () => {
  const secret = 'a-secret-of-sixteen+';
  const now = new Date('2026-03-01T00:00:00Z');
  const link = signFileLink(secret, 'file-1', 'user-1', new Date(now.getTime() + 300_000));

  it('verify for the file and user they were issued for, until they expire', () => {
    expect(verifyFileLink(secret, 'file-1', link, now)).toBe(true);
    expect(verifyFileLink(secret, 'file-1', link, new Date(now.getTime() + 301_000))).toBe(false);
  });

  it('fail for another file, another user, a forged expiry or another secret', () => {
    expect(verifyFileLink(secret, 'file-2', link, now)).toBe(false);
    expect(verifyFileLink(secret, 'file-1', { ...link, uid: 'user-2' }, now)).toBe(false);
    expect(verifyFileLink(secret, 'file-1', { ...link, exp: link.exp + 3600 }, now)).toBe(false);
    expect(verifyFileLink('another-secret-0000', 'file-1', link, now)).toBe(false);
    expect(verifyFileLink(secret, 'file-1', { ...link, sig: 'x' }, now)).toBe(false);
  });
});
