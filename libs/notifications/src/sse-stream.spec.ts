import { PassThrough } from 'node:stream';
import { jest } from '@jest/globals';
import { KEEP_ALIVE_MS, SseStream } from './sse-stream.js';

/** A writable that records what was written, standing in for the HTTP response. */
function sink() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

describe('SseStream', () => {
  afterEach(() => jest.useRealTimers());

  it('frames events with id, event name and one JSON data line', async () => {
    const out = sink();
    const sse = new SseStream(out.stream);
    sse.retry(3000);
    sse.send('notification', 42, { title: '第一行\n第二行', data: { score: 92 } });
    sse.close();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe('retry: 3000\n\nid: 42\nevent: notification\ndata: {"title":"第一行\\n第二行","data":{"score":92}}\n\n');
  });

  it('writes a keep-alive comment every 25 s until closed', async () => {
    jest.useFakeTimers();
    const out = sink();
    const sse = new SseStream(out.stream);
    expect(KEEP_ALIVE_MS).toBe(25_000);
    jest.advanceTimersByTime(KEEP_ALIVE_MS - 1);
    await Promise.resolve();
    expect(out.text()).toBe('');
    jest.advanceTimersByTime(1);
    jest.advanceTimersByTime(KEEP_ALIVE_MS);
    sse.close();
    jest.advanceTimersByTime(KEEP_ALIVE_MS * 3);
    jest.useRealTimers();
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe(': keep-alive\n\n: keep-alive\n\n');
  });

  it('reports the client leaving once, and writes nothing after', async () => {
    const out = sink();
    const sse = new SseStream(out.stream);
    const closed = jest.fn();
    sse.onClose(closed);
    out.stream.destroy();
    await new Promise((r) => setImmediate(r));
    expect(closed).toHaveBeenCalledTimes(1);
    expect(sse.isOpen).toBe(false);
    expect(() => sse.send('notification', 1, {})).not.toThrow();
    sse.close();
    expect(closed).toHaveBeenCalledTimes(1);
    const late = jest.fn();
    sse.onClose(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
