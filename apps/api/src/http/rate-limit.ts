/**
 * Route config read by @fastify/rate-limit (registered with `global: false`):
 * only the routes that carry it are limited. Limits come from configuration at
 * start-up through {@link configureAuthRateLimit}.
 */
export const AUTH_RATE_LIMIT: { rateLimit: { max: number; timeWindow: number } } = {
  rateLimit: { max: 20, timeWindow: 60_000 },
};

export function configureAuthRateLimit(max: number, windowSeconds: number): void {
  AUTH_RATE_LIMIT.rateLimit.max = max;
  AUTH_RATE_LIMIT.rateLimit.timeWindow = windowSeconds * 1000;
}
