import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig, DEFAULT_MATCH_WEIGHTS, envSchema, normaliseMatchWeights } from './config.schema.js';

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the environment once into the typed configuration. Empty strings count
 * as unset so that `FOO=` in a shell does not switch a mode on by accident.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.SMEDX_DATA_DIR);
  const needsDataDir = !e.DATABASE_URL || !e.JWT_SECRET || !e.S3_ENDPOINT;
  if (needsDataDir) mkdirSync(dataDir, { recursive: true });
  return {
    env: e.NODE_ENV,
    role: e.SMEDX_ROLE,
    http: {
      port: e.PORT,
      host: e.HOST,
      corsOrigins: e.CORS_ORIGINS,
      searchRateLimit: e.SEARCH_RATE_LIMIT,
      searchRateWindowSeconds: e.SEARCH_RATE_WINDOW_SECONDS,
      trustProxy: e.TRUST_PROXY.split(',')
        .map((p) => p.trim())
        .filter(Boolean),
      metricsToken: e.METRICS_TOKEN ?? null,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    },
    dataDir,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE ?? (e.SMEDX_ROLE === 'worker' ? Math.max(10, e.WORKER_CONCURRENCY + 4) : 10),
        }
      : { kind: 'sqlite', path: join(dataDir, 'smedx.sqlite') },
    redis: e.REDIS_URL ? { url: e.REDIS_URL, prefix: e.SMEDX_REDIS_PREFIX } : null,
    meili: e.MEILI_HOST ? { host: e.MEILI_HOST, apiKey: e.MEILI_API_KEY, indexPrefix: e.MEILI_INDEX_PREFIX } : null,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    sms: {
      provider:
        e.SMS_PROVIDER === 'aliyun'
          ? {
              kind: 'aliyun',
              endpoint: e.ALIYUN_SMS_ENDPOINT,
              accessKeyId: e.ALIYUN_SMS_ACCESS_KEY_ID!,
              accessKeySecret: e.ALIYUN_SMS_ACCESS_KEY_SECRET!,
              signName: e.ALIYUN_SMS_SIGN_NAME!,
              templateCode: e.ALIYUN_SMS_TEMPLATE_CODE!,
            }
          : null,
      addressLimit: e.SMS_CODE_ADDRESS_LIMIT,
      addressWindowSeconds: e.SMS_CODE_ADDRESS_WINDOW_SECONDS,
    },
    auth: {
      jwtSecret: e.JWT_SECRET ?? persistentSecret(dataDir),
      expiresInSeconds: e.JWT_EXPIRES_IN_SECONDS,
      rateLimit: e.AUTH_RATE_LIMIT,
      rateWindowSeconds: e.AUTH_RATE_WINDOW_SECONDS,
      maxFailures: e.LOGIN_MAX_FAILURES,
      lockSeconds: e.LOGIN_LOCK_SECONDS,
    },
    admin: { email: e.SMEDX_ADMIN_EMAIL, password: e.SMEDX_ADMIN_PASSWORD },
    demo: e.SMEDX_DEMO,
    logLevel: e.LOG_LEVEL,
    jobs: {
      attempts: e.JOB_ATTEMPTS,
      backoffMs: e.JOB_BACKOFF_MS,
      pollMs: e.OUTBOX_POLL_MS,
      reconcileMs: e.OUTBOX_RECONCILE_MS,
      workerConcurrency: e.WORKER_CONCURRENCY,
    },
    matching: {
      weights: e.MATCH_WEIGHTS ?? normaliseMatchWeights(DEFAULT_MATCH_WEIGHTS),
      strongThreshold: e.MATCH_STRONG_THRESHOLD,
      topN: e.MATCH_TOP_N,
    },
    exposure: {
      slots: 10,
      maxPerProvider: e.EXPOSURE_MAX_PER_PROVIDER,
      explorationSlots: e.EXPOSURE_EXPLORATION_SLOTS,
      explorationMargin: e.EXPOSURE_MARGIN,
      newcomerProjects: 3,
      balanceMargin: e.EXPOSURE_BALANCE_MARGIN,
    },
    files: {
      store:
        e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
          ? {
              kind: 's3',
              endpoint: e.S3_ENDPOINT,
              bucket: e.S3_BUCKET,
              region: e.S3_REGION,
              accessKeyId: e.S3_ACCESS_KEY_ID,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
            }
          : { kind: 'local', root: join(dataDir, 'files') },
      maxFileBytes: e.FILE_MAX_BYTES,
      maxFilesPerOwner: e.FILES_PER_OWNER,
      quotaBytes: e.FILE_QUOTA_BYTES,
      linkTtlSeconds: e.FILE_LINK_TTL_SECONDS,
      retentionYears: e.DOCUMENT_RETENTION_YEARS,
      orphanDays: e.FILE_ORPHAN_DAYS,
    },
  };
}

/**
 * In embedded mode nobody sets JWT_SECRET, yet tokens must survive a restart:
 * a random secret is created once beside the database and reused.
 */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
