import { SHORT_CODE_ALPHABET, newShortCode, normaliseShortCode, signCheckInToken, verifyCheckInToken } from './check-in-token.js';

describe('check-in tokens', () => {
  const secret = 'unit-secret';
  const claims = {
    eventId: '0f8b6a3e-2c1d-4e5f-8a9b-1c2d3e4f5a6b',
    registrationId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    expiresAt: new Date('2030-05-20T12:00:00Z'),
  };
  const before = new Date('2030-05-20T11:59:59Z');

  it('carries the event, the registration and the expiry, and is short enough for a small QR code', () => {
    const token = signCheckInToken(secret, claims);
    expect(token.length).toBeLessThan(80);
    expect(verifyCheckInToken(secret, token, before)).toEqual({ ok: true, claims });
  });

  it('refuses a token after its expiry', () => {
    const token = signCheckInToken(secret, claims);
    expect(verifyCheckInToken(secret, token, new Date('2030-05-20T12:00:01Z'))).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses forged, altered and malformed tokens as invalid (before looking at the expiry)', () => {
    const token = signCheckInToken(secret, claims);
    const [prefix, payload, sig] = token.split('.');
    const other = signCheckInToken(secret, { ...claims, registrationId: claims.eventId });
    const afterExpiry = new Date('2031-01-01T00:00:00Z');
    for (const bad of [
      signCheckInToken('another-secret', claims),
      `${prefix}.${other.split('.')[1]}.${sig}`,
      `${prefix}.${payload}.${sig!.slice(0, -2)}AA`,
      `${prefix}.${payload}`,
      `XXX1.${payload}.${sig}`,
      `${token}.x`,
      '',
      'not a token',
    ]) {
      expect(verifyCheckInToken(secret, bad, afterExpiry)).toEqual({ ok: false, problem: 'invalid' });
    }
  });

  it('makes short codes from the unambiguous alphabet and reads them back however typed', () => {
    for (let i = 0; i < 50; i += 1) expect(newShortCode()).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{6}$`));
    expect(SHORT_CODE_ALPHABET).not.toMatch(/[01OI]/);
    expect(normaliseShortCode(' ab3-k7 q ')).toBe('AB3K7Q');
  });
});
