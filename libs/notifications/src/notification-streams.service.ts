import type { ServerResponse } from 'node:http';
import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource, In, MoreThan } from 'typeorm';
import { APP_CONFIG, PRINCIPAL_LOADER, UnauthenticatedError, tokenIsCurrent } from '@smedx/platform';
import type { AppConfig, Principal, PrincipalLoader, TokenClaims } from '@smedx/platform';
import { Notification } from './notification.entity.js';
import { toNotificationView } from './notification.view.js';
import { NotificationsService } from './notifications.service.js';
import { SseStream } from './sse-stream.js';

/** Events a reconnecting client gets back at most; older ones are in its inbox. */
const REPLAY_LIMIT = 100;
const PAGE = 500;
/** How long a seq missing from the sequence is awaited (a transaction still committing). */
const GAP_TTL_MS = 60_000;
/** Larger jumps are not tracked as gaps: PostgreSQL skips values on conflicts and rollbacks. */
const MAX_TRACKED_GAP = 1000;
const RETRY_MS = 3000;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Who opened a stream, and until when the token lets them. */
export interface StreamSession {
  principal: Principal;
  /** Epoch milliseconds of the token's expiry; the stream ends then. */
  expiresAt: number | null;
}

interface Client {
  userId: string;
  stream: SseStream;
  /** Rows that arrived before the headers and the replay went out; null once live. */
  pending: Notification[] | null;
  /** Seqs sent by the replay, which the follower may find too. */
  replayed: Set<number>;
}

/**
 * The live notification streams of this api process. While any is open, one
 * poller follows the notification table's increasing `seq` and hands each new
 * row to its user's streams — so a notification written by a worker process,
 * or by another api replica's job, still reaches every connected browser.
 *
 * On PostgreSQL seqs are taken at insert and become visible at commit, so a
 * lower one may appear after a higher one: skipped seqs are looked up again
 * for a while.
 */
@Injectable()
export class NotificationStreams implements BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationStreams');
  private readonly clients = new Map<string, Set<Client>>();
  private count = 0;
  private cursor = 0;
  private readonly gaps = new Map<number, number>();
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly jwt: JwtService,
    @Inject(PRINCIPAL_LOADER) private readonly principals: PrincipalLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Resolves a stream request's caller like the auth guard does, from the
   * `Authorization: Bearer` header or, because a browser's `EventSource`
   * cannot set headers, from the `access_token` query parameter.
   */
  async authenticate(authorization: string | undefined, accessToken: string | undefined): Promise<StreamSession> {
    const token = bearer(authorization) ?? accessToken;
    if (!token) throw new UnauthenticatedError('missing bearer token (Authorization header or access_token parameter)');
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & object>(token);
    } catch {
      throw new UnauthenticatedError('invalid or expired token');
    }
    const principal = await this.principals.load(claims.sub);
    if (!principal) throw new UnauthenticatedError('user no longer exists');
    if (!tokenIsCurrent(claims, principal)) throw new UnauthenticatedError('登录已失效，请重新登录 (token revoked)', 'token_revoked');
    return { principal, expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null };
  }

  /**
   * Serves one `text/event-stream` on a response Fastify no longer manages:
   * an `event: notification` with `id: <seq>` per new notification of the
   * caller, after replaying those following `lastEventId` when given. Returns
   * once the stream is live; it ends when the client leaves, the token
   * expires or the application shuts down.
   */
  async open(session: StreamSession, response: ServerResponse, lastEventId: number | null): Promise<void> {
    const userId = session.principal.userId;
    const stream = new SseStream(response);
    const client: Client = { userId, stream, pending: [], replayed: new Set() };
    this.add(client);
    stream.onClose(() => this.remove(client));
    try {
      // The cursor is fixed before the client sees the headers, so nothing written after that is missed.
      await this.start();
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      stream.retry(RETRY_MS);
      stream.comment('connected');
      if (this.stopped) return stream.close();
      if (session.expiresAt !== null) {
        const expiry = setTimeout(() => stream.close(), Math.min(Math.max(0, session.expiresAt - Date.now()), MAX_TIMER_MS));
        expiry.unref();
        stream.onClose(() => clearTimeout(expiry));
      }
      if (lastEventId !== null) {
        for (const n of await this.notifications.missedSince(userId, lastEventId, REPLAY_LIMIT)) {
          client.replayed.add(n.seq);
          stream.send('notification', n.seq, toNotificationView(n));
        }
      }
      const queued = client.pending ?? [];
      client.pending = null;
      for (const n of queued) this.push(client, n);
    } catch (err) {
      this.logger.warn(`notification stream failed: ${String(err)}`);
      if (!response.headersSent) response.writeHead(503, { 'content-type': 'application/json; charset=utf-8' });
      stream.close();
    }
  }

  /** How many streams this process serves (health and tests). */
  get openStreams(): number {
    return this.count;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stop();
    await this.starting?.catch(() => undefined);
    await this.running;
    for (const set of this.clients.values()) for (const client of [...set]) client.stream.close();
  }

  private add(client: Client): void {
    const set = this.clients.get(client.userId) ?? new Set<Client>();
    set.add(client);
    this.clients.set(client.userId, set);
    this.count++;
  }

  private remove(client: Client): void {
    const set = this.clients.get(client.userId);
    if (!set?.delete(client)) return;
    if (!set.size) this.clients.delete(client.userId);
    if (--this.count === 0) this.stop();
  }

  /** Starts following from the current end of the table, unless already following. */
  private async start(): Promise<void> {
    if (this.timer || this.stopped) return;
    this.starting ??= (async () => {
      try {
        this.cursor = await this.maxSeq();
        this.gaps.clear();
        if (this.stopped || this.timer) return;
        this.timer = setInterval(() => this.poll(), this.config.jobs.pollMs);
        this.timer.unref();
      } finally {
        this.starting = null;
      }
    })();
    await this.starting;
  }

  /** Nobody listens: stop querying; the next stream starts from the end again. */
  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private poll(): void {
    if (this.running || !this.timer) return;
    if (this.count === 0) return this.stop();
    this.running = this.follow()
      .catch((err: unknown) => this.logger.warn(`following notifications failed: ${String(err)}`))
      .finally(() => {
        this.running = null;
      });
  }

  private async follow(): Promise<void> {
    const repo = this.dataSource.getRepository(Notification);
    for (;;) {
      const rows = await repo.find({ where: { seq: MoreThan(this.cursor) }, order: { seq: 'ASC' }, take: PAGE });
      const late = this.gaps.size ? await repo.find({ where: { seq: In([...this.gaps.keys()]) } }) : [];
      for (const row of late) this.gaps.delete(row.seq);
      this.expireGaps();
      for (const row of rows) {
        if (row.seq - this.cursor <= MAX_TRACKED_GAP) {
          for (let missing = this.cursor + 1; missing < row.seq; missing++) this.gaps.set(missing, Date.now());
        }
        this.cursor = row.seq;
      }
      for (const row of [...late, ...rows]) {
        for (const client of this.clients.get(row.userId) ?? []) this.push(client, row);
      }
      if (rows.length < PAGE) return;
    }
  }

  private push(client: Client, n: Notification): void {
    if (client.pending) client.pending.push(n);
    else if (!client.replayed.has(n.seq)) client.stream.send('notification', n.seq, toNotificationView(n));
  }

  private expireGaps(): void {
    const now = Date.now();
    for (const [seq, since] of this.gaps) if (now - since > GAP_TTL_MS) this.gaps.delete(seq);
  }

  private async maxSeq(): Promise<number> {
    const row = await this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('n')
      .select('MAX(n.seq)', 'max')
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0);
  }
}

function bearer(header: string | undefined): string | undefined {
  const [scheme, value] = (header ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && value ? value : undefined;
}
