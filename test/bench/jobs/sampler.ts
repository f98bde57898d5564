import type { Cluster } from './cluster.js';

export interface DepthSample {
  atS: number;
  outbox: number;
  queued: number | null;
}

/** Samples the backlog once a second: outbox rows due and unfinished, BullMQ waiting + active. */
export class DepthSampler {
  readonly samples: DepthSample[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly t0 = Date.now();

  constructor(private readonly cluster: Cluster) {}

  start(): void {
    this.timer = setInterval(() => {
      void this.cluster
        .depth()
        .then((d) => this.samples.push({ atS: Math.round((Date.now() - this.t0) / 1000), outbox: d.outbox, queued: d.queued }))
        .catch(() => undefined);
    }, 1000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** One line per `everyS` seconds: the largest backlog seen in that stretch. */
  render(everyS = 5): string {
    const rows: string[] = [];
    for (let from = 0; from <= (this.samples.at(-1)?.atS ?? 0); from += everyS) {
      const span = this.samples.filter((s) => s.atS >= from && s.atS < from + everyS);
      if (!span.length) continue;
      const outbox = Math.max(...span.map((s) => s.outbox));
      const queued = span.some((s) => s.queued === null) ? 'redis down' : String(Math.max(...span.map((s) => s.queued ?? 0)));
      rows.push(`${String(from).padStart(4)} s  outbox ${String(outbox).padStart(5)}  bullmq ${queued}`);
    }
    return rows.join('\n');
  }

  max(): number {
    return Math.max(0, ...this.samples.map((s) => s.outbox));
  }
}
