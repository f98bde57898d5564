import { API_ROUTES } from '@smedx/contracts';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/**
 * The contract map and the routes the server serves are the same set, and the
 * OpenAPI document publishes each route's answer. (Every e2e call also decodes
 * its answer with the route's schema: test/support/test-app.ts.)
 */
describe('API contracts', () => {
  let t: TestApp;
  let served: Map<string, Record<string, any>>;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await t.get('/docs-json')).body as { paths: Record<string, Record<string, any>> };
    served = new Map();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const relative = path.replace(/^\/api\/v1/, '').replace(/\{(\w+)\}/g, ':$1');
        served.set(`${method.toUpperCase()} ${relative}`, operation);
      }
    }
  });
  afterAll(() => t?.close());

  it('every route the server serves has a contract', () => {
    const missing = [...served.keys()].filter((key) => !(key in API_ROUTES)).sort();
    expect(missing).toEqual([]);
  });

  it('every contract names a route the server serves', () => {
    const stale = Object.keys(API_ROUTES).filter((key) => !served.has(key));
    expect(stale).toEqual([]);
  });

  it('the OpenAPI document publishes each JSON answer with its schema', () => {
    const without = Object.entries(API_ROUTES)
      .filter(([, contract]) => contract.kind === 'json')
      .filter(([key]) => {
        const responses = served.get(key)?.responses ?? {};
        return !Object.entries(responses).some(
          ([status, r]: [string, any]) => status.startsWith('2') && r.content?.['application/json']?.schema,
        );
      })
      .map(([key]) => key);
    expect(without).toEqual([]);
  });

  it('a need answer in the OpenAPI document names its fields, instants as date-time strings', () => {
    const schema = served.get('GET /needs/:id')!.responses['200'].content['application/json'].schema;
    expect(schema.properties.bidDeadline).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'budgetFen', 'status']));
  });
});
