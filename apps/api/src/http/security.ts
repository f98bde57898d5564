import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@smedx/platform';
import { SIGNED_IN_SCRIPT_HASH } from './web-ui.js';

/**
 * Security headers (helmet) with a Content-Security-Policy the built web UI works under:
 * React and ECharts load as same-origin module scripts; the one inline script, a server-rendered
 * page's signed-in check (web-ui.ts), is allowed by its hash; Ant Design's
 * CSS-in-JS and ECharts write inline styles, so styles allow 'unsafe-inline'; images and
 * fonts may be data: URIs (the favicon, icons, chart exports). Nothing may frame the UI.
 * `upgrade-insecure-requests` is left out: the embedded mode is often reached over plain
 * HTTP on a LAN address, where the directive would break every asset.
 */
export const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'", SIGNED_IN_SCRIPT_HASH],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    workerSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  },
};

/** Helmet's headers and CORS: closed unless `CORS_ORIGINS` names the browser origins allowed. */
export async function registerSecurity(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  await app.register(helmet as never, {
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // The API serves JSON and files to its own UI; other sites may not embed or read them.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  const origins = config.http.corsOrigins;
  app.enableCors({
    origin: origins.length ? origins : false,
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'last-event-id', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id', 'content-disposition'],
    credentials: false,
    maxAge: 600,
  });
}

/** The largest request body a route takes, in bytes (routes not listed: {@link DEFAULT_BODY_LIMIT}). */
export const DEFAULT_BODY_LIMIT = 512 * 1024;
const BODY_LIMITS: { pattern: RegExp; bytes: number }[] = [
  // Sign-in and sign-up carry an e-mail, a password and a name.
  { pattern: /^\/api\/v1\/auth\//, bytes: 16 * 1024 },
  // Decisions, reviews and reasons: short texts.
  { pattern: /\/(approve|reject|decision|reviews|withdraw|shortlist|cancel|publish|delist|lift|read|opt-in|opt-out)$/, bytes: 64 * 1024 },
];

export function bodyLimitFor(url: string): number {
  return BODY_LIMITS.find((l) => l.pattern.test(url))?.bytes ?? DEFAULT_BODY_LIMIT;
}

/** Applies {@link bodyLimitFor} to every route as it is registered (spreadsheet uploads keep their parser's 2 MB). */
export function applyBodyLimits(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      route.bodyLimit ??= bodyLimitFor(route.url);
    });
}
