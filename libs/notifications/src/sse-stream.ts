/** The part of a Node `ServerResponse` an event stream writes to. */
export interface SseSink {
  write(chunk: string): unknown;
  end(): unknown;
  once(event: 'close', listener: () => void): unknown;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
}

/** A proxy drops a connection idle for about a minute; a comment keeps it busy. */
export const KEEP_ALIVE_MS = 25_000;

/**
 * One open `text/event-stream` response: writes events in the SSE framing,
 * a `: keep-alive` comment while idle, and reports when it is gone.
 */
export class SseStream {
  private readonly timer: NodeJS.Timeout;
  private readonly closeListeners: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly sink: SseSink,
    keepAliveMs = KEEP_ALIVE_MS,
  ) {
    this.timer = setInterval(() => this.comment('keep-alive'), keepAliveMs);
    this.timer.unref();
    sink.once('close', () => this.dispose());
  }

  get isOpen(): boolean {
    return !this.closed && !this.sink.writableEnded && !this.sink.destroyed;
  }

  /** One event; `data` is JSON, which never holds a raw line break. */
  send(event: string, id: number | string, data: unknown): void {
    this.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  comment(text: string): void {
    this.write(`: ${text}\n\n`);
  }

  /** How long the browser waits before reconnecting. */
  retry(ms: number): void {
    this.write(`retry: ${ms}\n\n`);
  }

  onClose(listener: () => void): void {
    if (this.closed) listener();
    else this.closeListeners.push(listener);
  }

  /** Ends the response (server shutdown, expired token). */
  close(): void {
    if (!this.sink.writableEnded && !this.sink.destroyed) this.sink.end();
    this.dispose();
  }

  private write(chunk: string): void {
    if (this.isOpen) this.sink.write(chunk);
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const listener of this.closeListeners.splice(0)) listener();
  }
}
