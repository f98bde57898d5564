import { z } from 'zod';

/**
 * How values travel between server and browser. A schema's output type is what
 * the server's views build (instants as `Date`); its input type is the JSON the
 * browser receives (instants as ISO 8601 strings). Decoding a response body with
 * a schema checks that the server kept its word.
 */

/** An instant: a `Date` in the server's views, an ISO 8601 string (UTC) on the wire. */
export const instant = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

/** A calendar date `YYYY-MM-DD` (milestones, periods): a string on both sides. */
export const calendarDate = z.iso.date();

/** An integer amount of fen (分). */
export const fen = z.number().int();

export const count = z.number().int().nonnegative();

export const uuid = z.uuid();

/** One page of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), total: count, page: z.number().int().positive(), pageSize: z.number().int().positive() });
}

/**
 * The JSON form of a server-side value type: what `JSON.stringify` makes of it
 * (instants become strings). `Wire<NeedView>` is what the browser holds.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** One page of a list, as the server's views build it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
