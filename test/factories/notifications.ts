import { randomUUID } from 'node:crypto';
import { NotificationsService } from '@smedx/notifications';
import type { NotifyInput } from '@smedx/notifications';
import { UnitOfWork } from '@smedx/platform';
import type { TestApp } from '../support/test-app.js';

/** A notification body in Chinese with a fresh dedupe key; override any field. */
export function notifyInput(recipients: NotifyInput['recipients'], overrides: Partial<NotifyInput> = {}): NotifyInput {
  return {
    recipients,
    kind: 'match.strong',
    title: '发现新的强匹配方案',
    body: '您发布的需求“数控车间设备联网”与方案“机加工车间设备联网SaaS”匹配度为 92 分。',
    link: '/needs/00000000-0000-4000-8000-000000000001',
    data: { score: 92 },
    dedupeKey: `test:${randomUUID()}`,
    ...overrides,
  };
}

/** Notifies through the service in a transaction of its own, as a context would; run `t.drain()` to deliver. */
export async function notify(t: TestApp, input: NotifyInput): Promise<void> {
  await t.app.get(UnitOfWork).run((tx) => t.app.get(NotificationsService).notify(tx, input));
}

export interface SseEvent {
  id: string | null;
  event: string;
  data: any;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** Every comment line received (without the leading colon). */
  comments: string[];
  /** Waits for the next event not yet taken; fails after `timeoutMs`. */
  next(timeoutMs?: number): Promise<SseEvent>;
  /** Events received and not taken yet. */
  buffered(): SseEvent[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/**
 * Opens `GET /notifications/stream` with fetch and parses the SSE body.
 * Resolves once the response headers arrived; a non-200 response is read whole.
 */
export async function openNotificationStream(
  t: TestApp,
  options: { token?: string; via?: 'query' | 'header'; lastEventId?: string; query?: Record<string, string> } = {},
): Promise<EventStream & { body?: any }> {
  const url = new URL('/api/v1/notifications/stream', t.url);
  const headers: Record<string, string> = {};
  if (options.token && options.via === 'header') headers.authorization = `Bearer ${options.token}`;
  else if (options.token) url.searchParams.set('access_token', options.token);
  if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const abort = new AbortController();
  const response = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters: (() => void)[] = [];
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : text,
      comments,
      next: () => Promise.reject(new Error('not an event stream')),
      buffered: () => events,
      ended: Promise.resolve(),
      close: () => undefined,
    };
  }
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { id: null, event: 'message', data: undefined };
          let isEvent = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) event.id = line.slice(4);
            else if (line.startsWith('event: ')) event.event = line.slice(7);
            else if (line.startsWith('data: ')) {
              event.data = JSON.parse(line.slice(6));
              isEvent = true;
            }
          }
          if (isEvent) {
            events.push(event);
            waiters.splice(0).forEach((wake) => wake());
          }
        }
      }
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    } finally {
      waiters.splice(0).forEach((wake) => wake());
    }
  })();
  let done = false;
  void ended.finally(() => (done = true));
  const next = async (timeoutMs = 5000): Promise<SseEvent> => {
    const deadline = Date.now() + timeoutMs;
    while (!events.length) {
      if (done) throw new Error('the stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return events.shift()!;
  };
  return {
    status: response.status,
    headers: response.headers,
    comments,
    next,
    buffered: () => [...events],
    ended,
    close: () => abort.abort(),
  };
}
