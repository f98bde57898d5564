import type { z } from 'zod';
import { chainRoutes } from './chains.js';
import { demandRoutes } from './demand.js';
import { eventRoutes } from './events.js';
import { identityRoutes } from './identity.js';
import { adminRoutes } from './admin.js';
import { auditRoutes } from './audit.js';
import { directoryRoutes } from './directory.js';
import { catalogueRoutes } from './catalogue.js';
import { searchRoutes } from './search.js';
import { matchingRoutes } from './matching.js';
import { notificationsRoutes } from './notifications.js';
import { healthRoutes } from './health.js';
import { biddingRoutes } from './bidding.js';
import { diagnosisRoutes } from './diagnosis.js';
import { exchangeRoutes } from './exchange.js';
import { indicatorRoutes } from './indicators.js';
import { industryMapRoutes } from './industry-map.js';
import { projectRoutes } from './projects.js';
import { subsidyRoutes } from './subsidy.js';
import { awardRoutes } from './awards.js';
import { ratingRoutes } from './ratings.js';
import { feeRoutes } from './fees.js';
import { documentRoutes } from './documents.js';
import { workbenchRoutes } from './workbench.js';
import { portalRoutes } from './portal.js';
import type { EmptyRoute, FileRoute, JsonRoute, RouteContract, StreamRoute } from './route.js';

export * from './route.js';
export * from './chains.js';
export * from './demand.js';
export * from './events.js';
export * from './identity.js';
export * from './admin.js';
export * from './audit.js';
export * from './directory.js';
export * from './catalogue.js';
export * from './search.js';
export * from './matching.js';
export * from './notifications.js';
export * from './health.js';
export * from './provider-record.js';
export * from './bidding.js';
export * from './projects.js';
export * from './subsidy.js';
export * from './documents.js';
export * from './diagnosis.js';
export * from './indicators.js';
export * from './industry-map.js';
export * from './exchange.js';
export * from './match-route.js';
export * from './awards.js';
export * from './ratings.js';
export * from './fees.js';
export * from './workbench.js';
export * from './portal.js';

/**
 * Every route of the API (relative to `/api/v1`, plus `GET /health`) and what it
 * answers with. One map, read by the server (OpenAPI response schemas), the
 * e2e suite (each answer decoded with its schema) and the web client (types).
 */
export const API_ROUTES = {
  ...demandRoutes,
  ...eventRoutes,
  ...chainRoutes,
  ...identityRoutes,
  ...adminRoutes,
  ...auditRoutes,
  ...directoryRoutes,
  ...catalogueRoutes,
  ...searchRoutes,
  ...matchingRoutes,
  ...notificationsRoutes,
  ...healthRoutes,
  ...biddingRoutes,
  ...projectRoutes,
  ...subsidyRoutes,
  ...documentRoutes,
  ...diagnosisRoutes,
  ...indicatorRoutes,
  ...industryMapRoutes,
  ...exchangeRoutes,
  ...awardRoutes,
  ...ratingRoutes,
  ...feeRoutes,
  ...workbenchRoutes,
  ...portalRoutes,
} as const satisfies Record<string, RouteContract>;

export type ApiRoutes = typeof API_ROUTES;
export type RouteKey = keyof ApiRoutes;
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** The paths one method serves: `PathOf<'GET'>` is `'/needs' | '/needs/:id' | …`. */
export type PathOf<M extends HttpMethod> = RouteKey extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;

/** What the browser receives from `M P`: the schema's input (JSON) side. */
export type ResponseOf<M extends HttpMethod, P extends PathOf<M>> = ApiRoutes[`${M} ${P}` & RouteKey] extends infer C
  ? C extends JsonRoute<infer S>
    ? z.input<S>
    : C extends FileRoute
      ? Blob
      : C extends EmptyRoute
        ? void
        : C extends StreamRoute
          ? never
          : never
  : never;

/** The `:name` segments of a path, as an object of strings. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

/** Whether the path has `:name` segments. */
export type HasParams<P extends string> = P extends `${string}:${string}` ? true : false;
