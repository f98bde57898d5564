import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z
    .string()
    .url()
    .refine((v) => protocols.some((p) => v.startsWith(`${p}://`)), {
      message: `must start with ${protocols.map((p) => `${p}://`).join(' or ')}`,
    });

/**
 * Every environment variable the platform reads, validated once at start-up.
 * Nothing set means the embedded default: SQLite under SMEDX_DATA_DIR, inline
 * jobs, the in-process search engine.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  SMEDX_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: url(['postgres', 'postgresql']).optional(),
  REDIS_URL: url(['redis', 'rediss']).optional(),
  SMEDX_REDIS_PREFIX: z.string().min(1).default('smedx'),
  MEILI_HOST: url(['http', 'https']).optional(),
  MEILI_API_KEY: z.string().optional(),
  MEILI_INDEX_PREFIX: z.string().default(''),
  SMTP_URL: url(['smtp', 'smtps']).optional(),
  SMTP_FROM: z.string().default('smedx <noreply@smedx.local>'),
  JWT_SECRET: z.string().min(16).optional(),
  JWT_EXPIRES_IN_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  SMEDX_ADMIN_EMAIL: z.string().email().default('admin@smedx.local'),
  SMEDX_ADMIN_PASSWORD: z.string().min(8).default('smedx-admin-2024'),
  SMEDX_DEMO: booleanFlag.default(true),
  SMEDX_ROLE: z.enum(['api', 'worker']).default('api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(5),
  JOB_BACKOFF_MS: z.coerce.number().int().min(1).default(1000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(500),
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  AUTH_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
});

export type Env = z.infer<typeof envSchema>;

/** The typed configuration every service reads. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  role: Env['SMEDX_ROLE'];
  http: { port: number; host: string };
  dataDir: string;
  database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  redis: { url: string; prefix: string } | null;
  meili: { host: string; apiKey?: string; indexPrefix: string } | null;
  smtp: { url: string; from: string } | null;
  auth: { jwtSecret: string; expiresInSeconds: number; rateLimit: number; rateWindowSeconds: number };
  admin: { email: string; password: string };
  demo: boolean;
  logLevel: Env['LOG_LEVEL'];
  jobs: { attempts: number; backoffMs: number; pollMs: number };
}
