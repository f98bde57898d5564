import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '@smedx/platform';

/** The limits one application instance enforces (from its configuration), per client address. */
export interface RateLimits {
  auth: { max: number; windowMs: number };
  expensive: { max: number; windowMs: number };
  smsCode: { max: number; windowMs: number };
}

const LIMITS = Symbol.for('smedx.rateLimits');

type WithLimits = FastifyInstance & { [LIMITS]?: RateLimits };

function limitsOf(request: FastifyRequest): RateLimits {
  const limits = (request.server as WithLimits)[LIMITS];
  if (!limits) throw new Error('rate limits were not installed on this application (installRateLimits)');
  return limits;
}

/**
 * Route configs read by @fastify/rate-limit (registered with `global: false`): only the
 * routes that carry one are limited, per client address. The numbers are read per request
 * from the application that serves it ({@link installRateLimits}), so two applications in
 * one process (the tests start several) keep their own limits. An exceeded limit answers
 * 429 with `Retry-After` and the usual error body (`code: rate_limited`).
 */
export const AUTH_RATE_LIMIT = {
  rateLimit: {
    max: (request: FastifyRequest) => limitsOf(request).auth.max,
    timeWindow: (request: FastifyRequest) => limitsOf(request).auth.windowMs,
  },
};

/** Search and other public routes that cost real work (full-text search, invitation look-ups, streams). */
export const EXPENSIVE_RATE_LIMIT = {
  rateLimit: {
    max: (request: FastifyRequest) => limitsOf(request).expensive.max,
    timeWindow: (request: FastifyRequest) => limitsOf(request).expensive.windowMs,
  },
};

/** Sign-in code requests per client address (`SMS_CODE_ADDRESS_LIMIT` per `SMS_CODE_ADDRESS_WINDOW_SECONDS`); the per-number limits are the service's. */
export const SMS_CODE_RATE_LIMIT = {
  rateLimit: {
    max: (request: FastifyRequest) => limitsOf(request).smsCode.max,
    timeWindow: (request: FastifyRequest) => limitsOf(request).smsCode.windowMs,
  },
};

export function rateLimitsFrom(config: AppConfig): RateLimits {
  return {
    auth: { max: config.auth.rateLimit, windowMs: config.auth.rateWindowSeconds * 1000 },
    expensive: { max: config.http.searchRateLimit, windowMs: config.http.searchRateWindowSeconds * 1000 },
    smsCode: { max: config.sms.addressLimit, windowMs: config.sms.addressWindowSeconds * 1000 },
  };
}

/** Gives the application its limits; called once at start-up, before routes are served. */
export function installRateLimits(instance: FastifyInstance, config: AppConfig): void {
  (instance as WithLimits)[LIMITS] = rateLimitsFrom(config);
}

/** The 429 body: the API's error shape, Chinese first. */
export function rateLimitedError(_request: unknown, context: { statusCode: number; ttl: number }): Error {
  const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
  const error = new Error(`请求过于频繁，请 ${seconds} 秒后再试 (rate limit exceeded)`) as Error & { statusCode: number; code: string };
  error.statusCode = context.statusCode;
  error.code = 'rate_limited';
  return error;
}
