import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Between tokens in a worker's answer: never inside a token, since no text sent contains it. */
const SEPARATOR = '\u0000';

/** A worker left idle this long is stopped, giving back its dictionary's memory. */
const IDLE_MS = 10_000;

/**
 * The worker: jieba with the default dictionary, cutting in search mode what
 * it is sent. Plain CommonJS evaluated as a string, so that it runs the same
 * from the build output and under Jest.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Jieba } = require(workerData.jieba);
const { dict } = require(workerData.dict);
const jieba = Jieba.withDict(dict);
parentPort.on('message', ({ id, texts }) => {
  try {
    parentPort.postMessage({ id, cut: texts.map((text) => jieba.cutForSearch(text, true).join(${JSON.stringify(SEPARATOR)})) });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

interface Pending {
  resolve: (cut: string[][]) => void;
  reject: (err: Error) => void;
}

/**
 * Cuts texts with jieba in a worker thread, so that a bulk index build reads
 * the next batch from the database while this one is being cut: on two cores
 * the start-up build overlaps its two largest costs. Exactly the tokens of
 * `jieba().cutForSearch(text, true)` on the calling thread. A text holding
 * the separator is refused (`canCut`); a worker that fails makes every later
 * call fail too, and the caller cuts on its own thread instead.
 */
export class TokenizerPool {
  private worker: Worker | null = null;
  private broken: Error | null = null;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  private idle: NodeJS.Timeout | null = null;

  /** Whether the pool can cut this text (it must not hold the separator). */
  static canCut(text: string): boolean {
    return !text.includes(SEPARATOR);
  }

  /** Each text's jieba search-mode tokens, in order. */
  cut(texts: readonly string[]): Promise<string[][]> {
    if (this.broken) return Promise.reject(this.broken);
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const id = this.nextId++;
    return new Promise<string[][]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }

  /** Stops the worker (pending calls fail); a later call starts a new one. */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const require = createRequire(import.meta.url);
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { jieba: require.resolve('@node-rs/jieba'), dict: require.resolve('@node-rs/jieba/dict.js') },
    });
    // Never keeps the process alive.
    worker.unref();
    worker.on('message', (message: { id: number; cut?: string[]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error !== undefined || !message.cut) waiting.reject(new Error(`tokenizer worker: ${message.error}`));
      else waiting.resolve(message.cut.map((joined) => (joined === '' ? [] : joined.split(SEPARATOR))));
      if (this.pending.size === 0) this.scheduleStop();
    });
    const fail = (err: Error): void => {
      this.broken = err;
      this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker && code !== 0) fail(new Error(`tokenizer worker exited with code ${code}`));
      else if (this.worker === worker) this.worker = null;
    });
    this.worker = worker;
    return worker;
  }

  private scheduleStop(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }
}
