import type { AppConfig } from '@smedx/platform';

/**
 * Route configs read by @fastify/rate-limit (registered with `global: false`): only the
 * routes that carry one are limited, per client address. Limits come from configuration at
 * start-up through {@link configureRateLimits}; an exceeded limit answers 429 with
 * `Retry-After` and the usual error body (`code: rate_limited`).
 */
export const AUTH_RATE_LIMIT: { rateLimit: { max: number; timeWindow: number } } = {
  rateLimit: { max: 20, timeWindow: 60_000 },
};

/** Search and other public routes that cost real work (full-text search, invitation look-ups, streams). */
export const EXPENSIVE_RATE_LIMIT: { rateLimit: { max: number; timeWindow: number } } = {
  rateLimit: { max: 600, timeWindow: 60_000 },
};

export function configureAuthRateLimit(max: number, windowSeconds: number): void {
  AUTH_RATE_LIMIT.rateLimit.max = max;
  AUTH_RATE_LIMIT.rateLimit.timeWindow = windowSeconds * 1000;
}

export function configureRateLimits(config: AppConfig): void {
  configureAuthRateLimit(config.auth.rateLimit, config.auth.rateWindowSeconds);
  EXPENSIVE_RATE_LIMIT.rateLimit.max = config.http.searchRateLimit;
  EXPENSIVE_RATE_LIMIT.rateLimit.timeWindow = config.http.searchRateWindowSeconds * 1000;
}

/** The 429 body: the API's error shape, Chinese first. */
export function rateLimitedError(_request: unknown, context: { statusCode: number; ttl: number }): Error {
  const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
  const error = new Error(`请求过于频繁，请 ${seconds} 秒后再试 (rate limit exceeded)`) as Error & { statusCode: number; code: string };
  error.statusCode = context.statusCode;
  error.code = 'rate_limited';
  return error;
}
