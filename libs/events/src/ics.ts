/**
 * iCalendar (RFC 5545) agendas: one VEVENT per meeting. Times are written in
 * UTC (`…Z`), which every calendar converts to the reader's zone; the
 * calendar says it is meant for Asia/Shanghai (X-WR-TIMEZONE) so clients that
 * honour the hint show Shanghai time whatever the device's zone.
 */

export interface CalendarEntry {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
}

export interface Calendar {
  name: string;
  /** DTSTAMP of every entry: when the calendar was produced. */
  stamp: Date;
  entries: readonly CalendarEntry[];
}

/** The calendar as an RFC 5545 text: CRLF line ends, lines folded at 75 octets. */
export function toIcs(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//smedx//matchmaking events//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const entry of calendar.entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(entry.uid)}`,
      `DTSTAMP:${utc(calendar.stamp)}`,
      `DTSTART:${utc(entry.start)}`,
      `DTEND:${utc(entry.end)}`,
      `SUMMARY:${escapeText(entry.summary)}`,
    );
    if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
    if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

/** `20250618T010000Z`. */
export function utc(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds a content line longer than 75 octets (UTF-8) into continuation lines
 * starting with a space (RFC 5545 §3.1), never splitting a character.
 */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // The first line holds 75 octets; continuation lines 74 after their leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
