import { z } from 'zod';
import { MATCH_FACTORS } from '@smedx/contracts';
import type { MatchFactor } from '@smedx/contracts';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/**
 * The factors of a match score (the matching context defines what each
 * measures). Listed here so that `MATCH_WEIGHTS` is checked with the rest of
 * the environment at start-up.
 */
export { MATCH_FACTORS } from '@smedx/contracts';
export type { MatchFactor } from '@smedx/contracts';

export const DEFAULT_MATCH_WEIGHTS: Readonly<Record<MatchFactor, number>> = Object.freeze({
  text: 0.15,
  scenario: 0.25,
  industry: 0.12,
  budget: 0.12,
  delivery: 0.08,
  level: 0.08,
  record: 0.1,
  district: 0.1,
});

/**
 * `MATCH_WEIGHTS`: a JSON object of factor → non-negative weight, e.g.
 * `{"scenario":3,"text":2,"budget":1}`. Factors left out weigh 0; the weights
 * are scaled to sum to 1, so only their ratios matter.
 */
const matchWeights = z.string().transform((raw, ctx): Record<MatchFactor, number> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of factor → weight' });
    return z.NEVER;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object of factor → weight' });
    return z.NEVER;
  }
  const weights = Object.fromEntries(MATCH_FACTORS.map((f) => [f, 0])) as Record<MatchFactor, number>;
  for (const [factor, weight] of Object.entries(parsed)) {
    if (!(MATCH_FACTORS as readonly string[]).includes(factor)) {
      ctx.addIssue({ code: 'custom', message: `unknown factor "${factor}"; expected some of ${MATCH_FACTORS.join(', ')}` });
    } else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0) {
      ctx.addIssue({ code: 'custom', message: `weight of "${factor}" must be a number ≥ 0` });
    } else {
      weights[factor as MatchFactor] = weight;
    }
  }
  const sum = Object.values(weights).reduce((a, b) => a + b, 0);
  if (sum <= 0) ctx.addIssue({ code: 'custom', message: 'at least one weight must be above 0' });
  return sum > 0 ? normaliseMatchWeights(weights) : z.NEVER;
});

/** The weights scaled to sum to 1 (rounded to 12 decimals, so 0.15 stays 0.15). */
export function normaliseMatchWeights(weights: Readonly<Record<MatchFactor, number>>): Record<MatchFactor, number> {
  const sum = MATCH_FACTORS.reduce((a, f) => a + weights[f], 0);
  return Object.fromEntries(MATCH_FACTORS.map((f) => [f, Math.round((weights[f] / sum) * 1e12) / 1e12])) as Record<MatchFactor, number>;
}

/**
 * Every environment variable the platform reads, validated once at start-up.
 * Nothing set means the embedded default: SQLite under SMEDX_DATA_DIR, inline
 * jobs, the in-process search engine.
 */
export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    SMEDX_DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: url(['postgres', 'postgresql']).optional(),
    /**
     * PostgreSQL connections per process. Default 10; a worker's default is its
     * WORKER_CONCURRENCY + 4 (each running job holds one, the relay and the change follower more).
     */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).optional(),
    REDIS_URL: url(['redis', 'rediss']).optional(),
    SMEDX_REDIS_PREFIX: z.string().min(1).default('smedx'),
    MEILI_HOST: url(['http', 'https']).optional(),
    MEILI_API_KEY: z.string().optional(),
    MEILI_INDEX_PREFIX: z.string().default(''),
    SMTP_URL: url(['smtp', 'smtps']).optional(),
    SMTP_FROM: z.string().default('smedx <noreply@smedx.local>'),
    /** `aliyun`: sign-in codes through Alibaba Cloud SMS (the ALIYUN_SMS_* settings); unset: kept in the database. */
    SMS_PROVIDER: z.enum(['aliyun']).optional(),
    ALIYUN_SMS_ACCESS_KEY_ID: z.string().min(1).optional(),
    ALIYUN_SMS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
    /** The approved signature (签名), e.g. 沈阳数字化转型. */
    ALIYUN_SMS_SIGN_NAME: z.string().min(1).optional(),
    /** The approved template (模板) of the sign-in code; its one parameter is `code`. */
    ALIYUN_SMS_TEMPLATE_CODE: z.string().min(1).optional(),
    ALIYUN_SMS_ENDPOINT: url(['https', 'http']).default('https://dysmsapi.aliyuncs.com'),
    /** Sign-in codes one client address may request per window (besides the per-number limits). */
    SMS_CODE_ADDRESS_LIMIT: z.coerce.number().int().min(1).default(20),
    SMS_CODE_ADDRESS_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
    JWT_SECRET: z.string().min(16).optional(),
    JWT_EXPIRES_IN_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(12 * 3600),
    SMEDX_ADMIN_EMAIL: z.string().email().default('admin@smedx.local'),
    SMEDX_ADMIN_PASSWORD: z.string().min(8).default('smedx-admin-2024'),
    SMEDX_DEMO: booleanFlag.default(true),
    /** `tool`: an operator command (reindex, migrations) that must not relay jobs or follow changes. */
    SMEDX_ROLE: z.enum(['api', 'worker', 'tool']).default('api'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
    JOB_BACKOFF_MS: z.coerce.number().int().min(1).default(1000),
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
    /** How often dispatched jobs are checked against BullMQ (besides after every Redis reconnect). */
    OUTBOX_RECONCILE_MS: z.coerce.number().int().min(100).default(5000),
    /**
     * Jobs one worker runs at once. The handlers mostly wait on PostgreSQL, so
     * many overlap on one core; the worker's pool grows with it.
     */
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
    AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
    AUTH_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    /** Wrong passwords in a row that lock an account, and for how long. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .default(15 * 60),
    /** Requests per client address and window on search and other expensive public routes. */
    SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
    SEARCH_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
    /**
     * Which proxies' X-Forwarded-For to believe (client addresses for rate limits and logs):
     * addresses or CIDRs, comma-separated, or presets loopback, linklocal, uniquelocal.
     */
    TRUST_PROXY: z.string().default('loopback,linklocal,uniquelocal'),
    /** When set, `GET /metrics` wants `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: z.string().min(16).optional(),
    /** On SIGTERM: how long readiness reports "draining" before the server stops taking requests. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** Browser origins allowed to call the API cross-origin (comma-separated); none by default. */
    CORS_ORIGINS: z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin must look like https://host[:port]')))
      .default([]),
    MATCH_WEIGHTS: matchWeights.optional(),
    /** A match at least this good (0–1) among a need's top MATCH_TOP_N notifies both sides. */
    MATCH_STRONG_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
    MATCH_TOP_N: z.coerce.number().int().min(1).max(100).default(20),
    /** The S3-compatible file store (MinIO, Aliyun OSS, Tencent COS, AWS); unset: files under SMEDX_DATA_DIR/files. */
    S3_ENDPOINT: url(['http', 'https']).optional(),
    S3_BUCKET: z.string().min(3).max(63).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default('us-east-1'),
    /** Path-style addressing (endpoint/bucket/key), which MinIO needs; `false` for virtual-hosted buckets (OSS, COS). */
    S3_FORCE_PATH_STYLE: booleanFlag.default(true),
    /** Largest uploaded file, in bytes (20 MB). */
    FILE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(20 * 1024 * 1024),
    /** Most documents (current versions) one application, provider or project holds. */
    FILES_PER_OWNER: z.coerce.number().int().min(1).default(20),
    /** Bytes an organisation may store in all (2 GB). */
    FILE_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024 * 1024),
    /** How long a signed download link works. */
    FILE_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /** Years documents are kept after the owner's last money event (a subsidy's disbursement), for audits. */
    DOCUMENT_RETENTION_YEARS: z.coerce.number().int().min(1).max(30).default(5),
    /** Days an upload may stay attached to nothing (a form abandoned after its uploads) before the daily sweep removes it. */
    FILE_ORPHAN_DAYS: z.coerce.number().int().min(1).max(365).default(7),
    /** Fair exposure: the most of the top 10 slots of a search or match list one provider holds. */
    EXPOSURE_MAX_PER_PROVIDER: z.coerce.number().int().min(1).max(10).default(3),
    /** Fair exposure: top-10 slots offered to newcomers (approved, fewer than 3 completed projects) within the margin. */
    EXPOSURE_EXPLORATION_SLOTS: z.coerce.number().int().min(0).max(5).default(1),
    /** Fair exposure: how far below the last winner's fit (0–1) a newcomer may be and still take a slot. */
    EXPOSURE_MARGIN: z.coerce.number().min(0).max(1).default(0.05),
    /** Fair exposure: within this fit margin (0–1) the provider least shown lately takes the slot (0: off). */
    EXPOSURE_BALANCE_MARGIN: z.coerce.number().min(0).max(1).default(0.03),
  })
  .superRefine((e, ctx) => {
    if (e.SMEDX_ROLE === 'worker' && e.DATABASE_POOL_SIZE !== undefined && e.DATABASE_POOL_SIZE < e.WORKER_CONCURRENCY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_POOL_SIZE'],
        message: `must be at least WORKER_CONCURRENCY (${e.WORKER_CONCURRENCY}): each running job holds a connection`,
      });
    }
    if (e.SMS_PROVIDER === 'aliyun') {
      for (const k of [
        'ALIYUN_SMS_ACCESS_KEY_ID',
        'ALIYUN_SMS_ACCESS_KEY_SECRET',
        'ALIYUN_SMS_SIGN_NAME',
        'ALIYUN_SMS_TEMPLATE_CODE',
      ] as const) {
        if (e[k] === undefined) ctx.addIssue({ code: 'custom', path: [k], message: 'is required with SMS_PROVIDER=aliyun' });
      }
    }
    const s3 = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;
    if (s3.some((k) => e[k] !== undefined)) {
      for (const k of s3) {
        if (e[k] === undefined)
          ctx.addIssue({ code: 'custom', path: [k], message: `is required with ${s3.filter((o) => e[o] !== undefined).join(', ')}` });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

/** The typed configuration every service reads. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  role: Env['SMEDX_ROLE'];
  dataDir: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string; poolSize: number };
  redis: { url: string; prefix: string } | null;
  meili: { host: string; apiKey?: string; indexPrefix: string } | null;
  smtp: { url: string; from: string } | null;
  /** Sign-in codes by SMS: the provider (null: kept in the database) and the per-address limit. */
  sms: {
    provider: {
      kind: 'aliyun';
      endpoint: string;
      accessKeyId: string;
      accessKeySecret: string;
      signName: string;
      templateCode: string;
    } | null;
    addressLimit: number;
    addressWindowSeconds: number;
  };
  auth: {
    jwtSecret: string;
    expiresInSeconds: number;
    rateLimit: number;
    rateWindowSeconds: number;
    /** Wrong passwords in a row that lock an account, and the lock's length. */
    maxFailures: number;
    lockSeconds: number;
  };
  /** Hardened HTTP: cross-origin callers allowed, limits on expensive public routes. */
  http: {
    port: number;
    host: string;
    corsOrigins: string[];
    searchRateLimit: number;
    searchRateWindowSeconds: number;
    trustProxy: string[];
    metricsToken: string | null;
    shutdownGraceMs: number;
  };
  admin: { email: string; password: string };
  demo: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** `workerConcurrency`: jobs one `apps/worker` process runs at once. */
  jobs: { attempts: number; backoffMs: number; pollMs: number; reconcileMs: number; workerConcurrency: number };
  /** Match scoring: factor weights summing to 1, the strong-match threshold, how many matches rank. */
  matching: { weights: Record<MatchFactor, number>; strongThreshold: number; topN: number };
  /** Fair exposure of providers in search and match lists (`libs/reputation`). */
  exposure: {
    slots: number;
    maxPerProvider: number;
    explorationSlots: number;
    explorationMargin: number;
    newcomerProjects: number;
    balanceMargin: number;
  };
  /** Where documents live (S3-compatible when S3_ENDPOINT is set, else `dataDir/files`) and the upload limits. */
  files: {
    store:
      | { kind: 'local'; root: string }
      | {
          kind: 's3';
          endpoint: string;
          bucket: string;
          region: string;
          accessKeyId: string;
          secretAccessKey: string;
          forcePathStyle: boolean;
        };
    maxFileBytes: number;
    maxFilesPerOwner: number;
    quotaBytes: number;
    linkTtlSeconds: number;
    retentionYears: number;
    orphanDays: number;
  };
}
