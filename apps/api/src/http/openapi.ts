import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';
import { API_ROUTES } from '@smedx/contracts';
import type { RouteContract } from '@smedx/contracts';

/** Where the API's routes live (`/api/v1/...`); `/health` stays outside it. */
export const API_PREFIX = 'api/v1';

type Operation = { responses?: Record<string, Record<string, unknown>> };

/**
 * Writes each route's success answer, from `@smedx/contracts`, into the OpenAPI
 * document Nest built from the controllers: the JSON schema of what the client
 * receives (instants as ISO 8601 strings), or the file or event-stream type.
 */
export function publishResponseSchemas(document: OpenAPIObject, routes: Record<string, RouteContract> = API_ROUTES): void {
  for (const [key, contract] of Object.entries(routes)) {
    const [method, path] = key.split(' ') as [string, string];
    const documented = (path.startsWith('/health') ? path : `/${API_PREFIX}${path}`).replace(/:(\w+)/g, '{$1}');
    const operation = document.paths[documented]?.[method.toLowerCase() as 'get'] as Operation | undefined;
    if (!operation) continue;
    const responses = (operation.responses ??= {});
    const status = Object.keys(responses).find((s) => s.startsWith('2')) ?? '200';
    const description = (responses[status]?.description as string | undefined) || 'Success';
    if (contract.kind === 'empty') {
      delete responses[status];
      responses['204'] = { description: 'No content' };
      continue;
    }
    responses[status] = { description, content: content(contract) };
  }
}

function content(contract: Exclude<RouteContract, { kind: 'empty' }>): Record<string, { schema: Record<string, unknown> }> {
  switch (contract.kind) {
    case 'json': {
      const schema = z.toJSONSchema(contract.response, { io: 'input', target: 'openapi-3.0', unrepresentable: 'any' }) as Record<
        string,
        unknown
      >;
      delete schema.$schema;
      const files = (contract.files ?? []).map((type) => [type, { schema: { type: 'string', format: 'binary' } }] as const);
      return { 'application/json': { schema }, ...Object.fromEntries(files) };
    }
    case 'file':
      return Object.fromEntries(contract.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]));
    case 'stream':
      return { 'text/event-stream': { schema: { type: 'string' } } };
  }
}
