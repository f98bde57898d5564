import { API_PREFIX, publishResponseSchemas } from './http/openapi.js';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@smedx/platform';
import type { AppConfig, Clock } from '@smedx/platform';
import { UserAdministrationService } from '@smedx/identity';
import { DemoSeeder } from '@smedx/demo';
import { ApiModule } from './app.module.js';
import { Lifecycle } from './health/lifecycle.service.js';
import { MetricsService } from './metrics/metrics.service.js';
import { installRateLimits, rateLimitedError } from './http/rate-limit.js';
import { applyBodyLimits, DEFAULT_BODY_LIMIT, registerSecurity } from './http/security.js';
import { serveWebUi } from './http/web-ui.js';

/** Uploads taken as a raw body (a Buffer): CSV and XLSX. */
const UPLOAD_CONTENT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
const UPLOAD_BODY_LIMIT = 2 * 1024 * 1024;

export interface CreateAppOptions {
  config?: AppConfig;
  clock?: Clock;
  /** Keep Nest's and pino's logs quiet (tests). */
  quiet?: boolean;
  /** Serve the built web UI at `/` (default true; the e2e suite tests the API alone). */
  serveWebUi?: boolean;
}

/**
 * Builds the HTTP application without listening: used by `main.ts` and by the
 * e2e tests, so both run exactly the same stack.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const config = options.config ?? loadConfig();
  const adapter = new FastifyAdapter({
    // Client addresses (rate limits, logs) come from X-Forwarded-For only when a trusted proxy sent it.
    trustProxy: config.http.trustProxy,
    bodyLimit: DEFAULT_BODY_LIMIT,
    routerOptions: { maxParamLength: 200 },
  });
  installRateLimits(adapter.getInstance(), config);
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot({ config, clock: options.clock }), adapter, {
    bufferLogs: true,
    abortOnError: false,
    logger: options.quiet ? false : undefined,
  });
  if (!options.quiet) app.useLogger(app.get(Logger));
  await registerSecurity(app, config);
  applyBodyLimits(app);
  app.get(MetricsService).instrument(app);
  // Limits count per client address; with several api replicas the counters live in Redis.
  const limiterStore = config.redis ? new Redis(config.redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  limiterStore?.on('error', () => undefined);
  await app.register(rateLimit as never, {
    global: false,
    errorResponseBuilder: rateLimitedError,
    ...(limiterStore ? { redis: limiterStore, nameSpace: `${config.redis!.prefix}:rate-limit:`, skipOnError: true } : {}),
  });
  if (limiterStore)
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onClose', async () => limiterStore.disconnect());
  // Spreadsheets (chain invitation rosters) arrive as the raw request body, parsed by the route.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser([...UPLOAD_CONTENT_TYPES], { parseAs: 'buffer', bodyLimit: UPLOAD_BODY_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
  // Document uploads (POST /files): one file a request, streamed; the service enforces the size limit itself
  // (a 413 with nothing stored), the plugin's limit one byte above is only a backstop. The multipart parser streams
  // the request instead of buffering it, so the per-route JSON body limits (applyBodyLimits) do not cap uploads:
  // FILE_MAX_BYTES does.
  await app.register(multipart as never, {
    limits: { fileSize: config.files.maxFileBytes + 1, files: 1, fields: 5, parts: 6 },
    throwFileSizeLimit: false,
  });
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('smedx API')
      .setDescription(
        '中小企业数字化转型供需对接平台 — supply-demand matchmaking platform. Money fields ending in `Fen` are integer fen (分).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  publishResponseSchemas(document);
  // Swagger UI needs @fastify/static, which Jest cannot load (a CJS package requiring ESM): tests check /docs-json.
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', ui: options.serveWebUi !== false });
  if (options.serveWebUi !== false) await serveWebUi(app, (message, error) => app.get(Logger).warn({ err: error }, message));
  // Lifecycle hooks (migrations, job handlers, relay, search index) run before anything writes.
  await app.init();
  await app.get(UserAdministrationService).bootstrapAdmin();
  if (config.demo) await app.get(DemoSeeder).seedIfEmpty();
  return app;
}

/**
 * Graceful shutdown on SIGTERM or SIGINT: readiness turns 503 at once, and after
 * `SHUTDOWN_GRACE_MS` (time for a load balancer to notice) the app closes: the server stops
 * taking requests and finishes those in flight, notification streams are closed, the outbox
 * relay, the change follower and (services mode) the BullMQ consumer finish their running
 * jobs, then connections close. A second signal exits at once.
 */
export function closeGracefully(
  app: NestFastifyApplication,
  graceMs: number,
  options: { log?: (line: string) => void; exit?: (code: number) => void; signals?: NodeJS.Signals[] } = {},
): (signal: NodeJS.Signals) => Promise<void> {
  const log = options.log ?? console.log;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let closing: Promise<void> | null = null;
  const shutdown = (signal: NodeJS.Signals): Promise<void> => {
    if (closing) {
      exit(1);
      return closing;
    }
    app.get(Lifecycle).drain();
    log(`${signal}: draining for ${graceMs} ms, then closing`);
    closing = new Promise<void>((resolve) => setTimeout(resolve, graceMs))
      .then(() => app.close())
      .then(
        () => {
          log('closed');
          exit(0);
        },
        (err: unknown) => {
          console.error(`shutdown failed: ${String(err)}`);
          exit(1);
        },
      );
    return closing;
  };
  for (const signal of options.signals ?? (['SIGTERM', 'SIGINT'] as NodeJS.Signals[])) process.on(signal, (s) => void shutdown(s));
  return shutdown;
}
