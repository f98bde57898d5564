import type { TestApp, HttpResult, CallOptions } from '../../support/test-app.js';
import { approvedProvider, createEnterprise } from '../../factories/directory.js';
import { registerUser } from '../../factories/users.js';
import type { TestUser } from '../../factories/users.js';
import { needInput } from '../../factories/demand.js';
import { solutionInput } from '../../factories/catalogue.js';
import { bidInput } from '../../factories/bidding.js';
import { ADMIN, NodeProcess, sleep } from './cluster.js';

/** What the load saw: acknowledged writes by kind, and every response that was not one. */
export interface LoadStats {
  acknowledged: number;
  byKind: Record<string, number>;
  /** Responses ≥ 500. */
  serverErrors: number;
  /** The first few of them (method, path, status, body), to say what failed. */
  serverErrorSamples: string[];
  /** 4xx answers (a bid on a need awarded meanwhile: 409). */
  refused: number;
  /** No answer (the api was killed): not acknowledged, tried on the other api. */
  unanswered: number;
  /** What each acknowledged write created, checked against the database afterwards. */
  created: { solutions: string[]; needs: string[]; bids: string[]; awards: { needId: string; bidId: string }[] };
}

/**
 * The test factories' view of "an app" over HTTP, spread over several api
 * processes: each request goes to the next live api; a request that gets no
 * answer (its api was just killed) is sent to another one.
 */
export function remoteApp(apis: NodeProcess[], stats: LoadStats): TestApp {
  let next = 0;
  const call = async <T>(method: string, path: string, options: CallOptions = {}): Promise<HttpResult<T>> => {
    for (let attempt = 0; ; attempt++) {
      const live = apis.filter((a) => a.running);
      const api = live[next++ % Math.max(1, live.length)] ?? apis[0]!;
      const headers: Record<string, string> = {};
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await fetch(`${api.url}/api/v1${path}`, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(30_000),
        });
        const text = await response.text();
        const body = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text;
        if (response.status >= 500) {
          stats.serverErrors++;
          if (stats.serverErrorSamples.length < 5)
            stats.serverErrorSamples.push(`${method} ${path} ${response.status} ${text.slice(0, 300)}`);
        } else if (response.status >= 400) stats.refused++;
        return { status: response.status, body, headers: response.headers } as HttpResult<T>;
      } catch (err) {
        stats.unanswered++;
        if (attempt >= 20) throw err;
        await sleep(250);
      }
    }
  };
  return {
    call,
    get: (path: string, options?: CallOptions) => call('GET', path, options),
    post: (path: string, body?: unknown, options?: CallOptions) => call('POST', path, { ...options, body }),
    patch: (path: string, body?: unknown, options?: CallOptions) => call('PATCH', path, { ...options, body }),
    clock: { now: () => new Date() },
    config: { admin: ADMIN },
    // Multipart uploads (a provider's licence before its approval) go straight to a live api.
    get url() {
      return (apis.find((a) => a.running) ?? apis[0]!).url;
    },
  } as unknown as TestApp;
}

interface Enterprise {
  owner: TestUser;
  id: string;
}
interface Provider {
  owner: TestUser;
  id: string;
}
interface OpenNeed {
  id: string;
  enterprise: Enterprise;
  bids: { id: string; providerId: string }[];
}

/**
 * The drill's mixed write load: providers publish solutions, enterprises
 * publish needs, providers bid on open needs, enterprises award one of the
 * bids. `rate` writes per second in total (0: as fast as `concurrency` clients go).
 */
export class MixedLoad {
  readonly stats: LoadStats = {
    acknowledged: 0,
    byKind: {},
    serverErrors: 0,
    serverErrorSamples: [],
    refused: 0,
    unanswered: 0,
    created: { solutions: [], needs: [], bids: [], awards: [] },
  };
  readonly app: TestApp;
  private enterprises: Enterprise[] = [];
  private providers: Provider[] = [];
  private readonly open: OpenNeed[] = [];
  private stopAt = 0;

  constructor(apis: NodeProcess[]) {
    this.app = remoteApp(apis, this.stats);
  }

  async setUp(enterprises: number, providers: number): Promise<void> {
    this.providers = [];
    for (let i = 0; i < providers; i++) {
      const { owner, provider } = await approvedProvider(this.app, { districts: ['tiexi', 'hunnan'] });
      this.providers.push({ owner, id: provider.id });
    }
    this.enterprises = await Promise.all(
      Array.from({ length: enterprises }, async () => {
        const owner = await registerUser(this.app, 'enterprise');
        return { owner, id: (await createEnterprise(this.app, owner)).id };
      }),
    );
  }

  /** Runs the load for `seconds`; resolves when every client stopped. */
  async run(seconds: number, concurrency: number, rate: number): Promise<void> {
    this.stopAt = Date.now() + seconds * 1000;
    const perClientGapMs = rate > 0 ? (1000 * concurrency) / rate : 0;
    await Promise.all(
      Array.from({ length: concurrency }, async (_, i) => {
        await sleep((perClientGapMs * i) / concurrency);
        while (Date.now() < this.stopAt) {
          const started = Date.now();
          await this.step().catch(() => undefined);
          if (perClientGapMs) await sleep(Math.max(0, perClientGapMs - (Date.now() - started)));
        }
      }),
    );
  }

  stop(): void {
    this.stopAt = 0;
  }

  private ack(kind: string): void {
    this.stats.acknowledged++;
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
  }

  /** One write, chosen by weight: 35% bid, 20% need, 20% solution step, 15% award, rest what is possible. */
  private async step(): Promise<void> {
    const roll = Math.random();
    const awardable = this.open.filter((n) => n.bids.length > 0);
    if (roll < 0.15 && awardable.length) return this.award(pick(awardable)!);
    if (roll < 0.5 && this.open.length) {
      const need = pick(this.open)!;
      const provider = pick(this.providers.filter((p) => !need.bids.some((b) => b.providerId === p.id)));
      if (provider) return this.bid(need, provider);
    }
    if (roll < 0.7) return this.publishSolution(pick(this.providers)!);
    return this.publishNeed(pick(this.enterprises)!);
  }

  private async publishNeed(enterprise: Enterprise): Promise<void> {
    const created = await this.app.post(
      '/needs',
      { ...needInput(this.app.clock), enterpriseId: enterprise.id },
      { token: enterprise.owner.token },
    );
    if (created.status !== 201) return;
    this.ack('need.create');
    const published = await this.app.post(`/needs/${created.body.id}/publish`, undefined, { token: enterprise.owner.token });
    if (published.status !== 200) return;
    this.ack('need.publish');
    this.stats.created.needs.push(created.body.id);
    this.open.push({ id: created.body.id, enterprise, bids: [] });
  }

  private async publishSolution(provider: Provider): Promise<void> {
    const created = await this.app.post('/solutions', { ...solutionInput(), providerId: provider.id }, { token: provider.owner.token });
    if (created.status !== 201) return;
    this.ack('solution.create');
    const published = await this.app.post(`/solutions/${created.body.id}/publish`, undefined, { token: provider.owner.token });
    if (published.status !== 200) return;
    this.ack('solution.publish');
    this.stats.created.solutions.push(created.body.id);
  }

  private async bid(need: OpenNeed, provider: Provider): Promise<void> {
    need.bids.push({ id: '', providerId: provider.id });
    const res = await this.app.post(`/needs/${need.id}/bids`, bidInput(), { token: provider.owner.token });
    const mine = need.bids.find((b) => b.providerId === provider.id && b.id === '')!;
    if (res.status !== 201) {
      need.bids.splice(need.bids.indexOf(mine), 1);
      return;
    }
    mine.id = res.body.id;
    this.ack('bid.submit');
    this.stats.created.bids.push(res.body.id);
  }

  private async award(need: OpenNeed): Promise<void> {
    const bid = pick(need.bids.filter((b) => b.id))!;
    if (!bid) return;
    this.open.splice(this.open.indexOf(need), 1);
    const res = await this.app.post(
      `/needs/${need.id}/award`,
      { bidId: bid.id, reason: '方案与报价最符合本企业需求' },
      { token: need.enterprise.owner.token },
    );
    if (res.status !== 201 && res.status !== 200) return;
    this.ack('need.award');
    this.stats.created.awards.push({ needId: need.id, bidId: bid.id });
  }
}

function pick<T>(items: T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}
