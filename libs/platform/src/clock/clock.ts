/** Injection token of the {@link Clock}. */
export const CLOCK = Symbol('CLOCK');

/** Time source; tests inject a {@link FakeClock} to move through deadlines. */
export interface Clock {
  now(): Date;
}

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

export class FakeClock implements Clock {
  private current: number;
  constructor(start: Date | string = '2025-03-01T02:00:00Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * Real time moved by an offset: time flows as usual, and a test can jump to a
 * deadline with {@link ShiftedClock.advance} or {@link ShiftedClock.set}.
 */
export class ShiftedClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  set(at: Date | string): void {
    this.offset = new Date(at).getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
