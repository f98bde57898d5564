import { escapeText, fold, toIcs, utc } from './ics.js';

describe('iCalendar agenda', () => {
  const ics = toIcs({
    name: '铁西区机床行业供需对接会',
    stamp: new Date('2025-06-01T00:00:00Z'),
    entries: [
      {
        uid: 'm1@smedx',
        start: new Date('2025-06-18T01:00:00Z'),
        end: new Date('2025-06-18T01:20:00Z'),
        summary: '供需对接：辽宁智造数字科技有限公司',
        location: '沈阳国际展览中心, 3号桌',
        description: '第 1 场; 双方互选\n请提前5分钟到场',
      },
    ],
  });

  it('is a VCALENDAR of VEVENTs with CRLF line ends', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      '\r\nBEGIN:VEVENT\r\nUID:m1@smedx\r\nDTSTAMP:20250601T000000Z\r\nDTSTART:20250618T010000Z\r\nDTEND:20250618T012000Z\r\n',
    );
    expect(unfolded).toContain('SUMMARY:供需对接：辽宁智造数字科技有限公司\r\n');
    expect(unfolded).toContain('LOCATION:沈阳国际展览中心\\, 3号桌\r\n');
    expect(unfolded).toContain('DESCRIPTION:第 1 场\\; 双方互选\\n请提前5分钟到场\r\n');
    expect(unfolded).toContain('X-WR-TIMEZONE:Asia/Shanghai');
  });

  it('keeps every line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('folds without splitting a character', () => {
    const long = `SUMMARY:${'数字化转型'.repeat(20)}`;
    const folded = fold(long);
    expect(folded.split('\r\n').every((l, i) => i === 0 || l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(long);
    expect(fold('SHORT:line')).toBe('SHORT:line');
  });

  it('escapes TEXT and writes UTC instants', () => {
    expect(escapeText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    expect(utc(new Date('2025-06-18T09:05:07.123+08:00'))).toBe('20250618T010507Z');
  });
});
