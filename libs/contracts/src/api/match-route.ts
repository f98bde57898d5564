import { z } from 'zod';
import type { RouteContract } from './route.js';

interface Compiled {
  key: string;
  method: string;
  pattern: RegExp;
  params: number;
}

const compiledCache = new WeakMap<object, Compiled[]>();

function compile(routes: Record<string, RouteContract>): Compiled[] {
  let compiled = compiledCache.get(routes);
  if (!compiled) {
    compiled = Object.keys(routes).map((key) => {
      const [method, path] = key.split(' ') as [string, string];
      const segments = path.split('/').map((s) => (s.startsWith(':') ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return { key, method, pattern: new RegExp(`^${segments.join('/')}$`), params: path.split(':').length - 1 };
    });
    // A literal segment wins over a parameter (`/needs/mine` before `/needs/:id`).
    compiled.sort((a, b) => a.params - b.params);
    compiledCache.set(routes, compiled);
  }
  return compiled;
}

/** The key (`GET /needs/:id`) of the route that serves `method path` (no query string), if any. */
export function findRouteKey(routes: Record<string, RouteContract>, method: string, path: string): string | undefined {
  const bare = path.split('?')[0]!;
  return compile(routes).find((r) => r.method === method && r.pattern.test(bare))?.key;
}

/**
 * Why an answer breaks its contract, or null when it keeps it. `body` is the
 * parsed JSON (or text) and `contentType` the answer's header.
 */
export function contractViolation(contract: RouteContract, status: number, body: unknown, contentType: string): string | null {
  switch (contract.kind) {
    case 'json': {
      if (contract.files?.some((t) => contentType.startsWith(t))) return null;
      if (!contentType.includes('application/json')) return `expected JSON, got "${contentType}"`;
      const result = contract.response.safeDecode(body);
      return result.success ? null : z.prettifyError(result.error);
    }
    case 'file':
      return contract.contentTypes.some((t) => contentType.startsWith(t))
        ? null
        : `expected one of ${contract.contentTypes.join(', ')}, got "${contentType}"`;
    case 'empty':
      return status === 204 ? null : `expected 204 No Content, got ${status}`;
    case 'stream':
      return contentType.startsWith('text/event-stream') ? null : `expected text/event-stream, got "${contentType}"`;
  }
}
