import type { z } from 'zod';

/**
 * What one route answers with on success. Every route of the API has an entry
 * (`API_ROUTES`, keyed `METHOD /path` with `:param` segments, relative to
 * `/api/v1`); the e2e suite decodes each JSON answer with its schema and fails on
 * any difference, and the OpenAPI document publishes the schemas.
 */
export type RouteContract = JsonRoute | FileRoute | EmptyRoute | StreamRoute;

export interface JsonRoute<S extends z.ZodType = z.ZodType> {
  readonly kind: 'json';
  readonly response: S;
  /**
   * Other forms of the same answer a query parameter asks for (`?format=csv`) or the Accept header (`text/calendar`):
   * content types served as files instead of the JSON. Absent for JSON-only routes.
   */
  readonly files?: readonly string[];
}

/** A download (spreadsheet, calendar, PDF) of one of `contentTypes`. */
export interface FileRoute {
  readonly kind: 'file';
  readonly contentTypes: readonly string[];
}

/** 204 No Content. */
export interface EmptyRoute {
  readonly kind: 'empty';
}

/** Server-sent events. */
export interface StreamRoute {
  readonly kind: 'stream';
}

export const json = <S extends z.ZodType>(response: S): JsonRoute<S> => ({ kind: 'json', response });
/** JSON by default, or (asked by a query parameter) the same records as a file of one of `contentTypes`. */
export const jsonOrFile = <S extends z.ZodType>(response: S, ...contentTypes: string[]): JsonRoute<S> => ({
  kind: 'json',
  response,
  files: contentTypes,
});
export const file = (...contentTypes: string[]): FileRoute => ({ kind: 'file', contentTypes });
export const empty: EmptyRoute = { kind: 'empty' };
export const stream: StreamRoute = { kind: 'stream' };

export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
