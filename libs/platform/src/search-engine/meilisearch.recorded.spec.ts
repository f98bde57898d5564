import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MeilisearchSearchEngine } from './meilisearch.search-engine.js';
import { CONTRACT_SETTINGS } from './search-engine.contract.js';
import { CONVERSATION, DOCS, INDEX, SECOND_START } from './meilisearch.conversation.js';
import type { Exchange } from './meilisearch.conversation.js';

/**
 * The Meilisearch adapter holds a recorded conversation: a server that answers
 * as Meilisearch does, but only to the requests the conversation expects, in
 * order. Runs in CI where no Meilisearch can; with MEILI_HOST set, the full
 * contract suite runs against the live server (meilisearch.search-engine.spec.ts).
 */
class Replay {
  private expected: Exchange[] = [];
  readonly problems: string[] = [];
  private server!: Server;
  host = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.host = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  expect(exchanges: Exchange[]): void {
    this.expected.push(...exchanges);
  }

  get unanswered(): string[] {
    return this.expected.map((e) => `${e.method} ${e.path}`);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body: unknown = text ? JSON.parse(text) : undefined;
    const next = this.expected.shift();
    const got = `${req.method} ${req.url}`;
    if (!next || `${next.method} ${next.path}` !== got) {
      this.problems.push(`unexpected ${got}${next ? `; expected ${next.method} ${next.path}` : ''}`);
      res.writeHead(500).end();
      return;
    }
    if (next.body !== undefined) {
      try {
        expect(body).toMatchObject(next.body as object);
      } catch (e) {
        this.problems.push(`${got}: body differs from the recorded request\n${(e as Error).message}`);
      }
    }
    res.writeHead(next.status, { 'content-type': 'application/json' }).end(JSON.stringify(next.answer));
  }
}

describe('MeilisearchSearchEngine against a recorded Meilisearch v1 conversation', () => {
  const replay = new Replay();
  beforeAll(() => replay.start());
  afterAll(() => replay.stop());
  afterEach(() => expect(replay.problems).toEqual([]));

  it('creates the index, applies settings, writes, searches, deletes and counts as Meilisearch expects', async () => {
    replay.expect(CONVERSATION);
    const engine = new MeilisearchSearchEngine({ host: replay.host, taskTimeoutMs: 5_000 });
    await engine.ensureIndex(INDEX, CONTRACT_SETTINGS);
    await engine.upsert(INDEX, DOCS);
    const result = await engine.search(INDEX, {
      text: '机床联网',
      filters: [{ field: 'district', op: 'eq', value: 'tiexi' }],
      facets: ['industries'],
      highlight: ['title'],
      page: 1,
      pageSize: 10,
    });
    expect(result.total).toBe(1);
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({ id: 's1', score: 0.9712, doc: DOCS[0] });
    expect(result.hits[0]!.doc).not.toHaveProperty('_formatted');
    expect(result.hits[0]!.highlight.title).toBe('数控<em>机床</em>设备<em>联网</em>与数据采集方案');
    expect(result.facets).toEqual({ industries: { jichuang: 1 } });
    await engine.delete(INDEX, ['s2']);
    expect(await engine.count(INDEX)).toBe(1);
    // A task Meilisearch refuses fails the write with its code, so the outbox retries it.
    await expect(engine.upsert(INDEX, [{ id: 'bad id!' }])).rejects.toThrow(/invalid_document_id/);
    expect(replay.unanswered).toEqual([]);
  });

  it('starts on an index that already exists and still applies its settings', async () => {
    replay.expect(SECOND_START);
    const engine = new MeilisearchSearchEngine({ host: replay.host, taskTimeoutMs: 5_000 });
    await engine.ensureIndex(INDEX, CONTRACT_SETTINGS);
    expect(replay.unanswered).toEqual([]);
  });
});
