import { Injectable } from '@nestjs/common';

/** Whether the api still takes traffic: set to draining when shutdown begins, so readiness fails first. */
@Injectable()
export class Lifecycle {
  private drainingSince: Date | null = null;

  drain(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Nest calls this first on app.close(): load balancers see "not ready" before the server stops. */
  onModuleDestroy(): void {
    this.drain();
  }
}
