import { Reflector } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { defineEvent, defineJob } from './job-definition.js';
import type { EventPayload, JobContext, JobPayload } from './job-definition.js';
import { ON_EVENT, ON_JOB, OnEvent, OnJob } from './on-job.decorator.js';
import type { OutboxService } from './outbox.service.js';

interface ParcelArrived {
  parcelId: string;
  kind: 'letter' | 'box';
}
const Arrived = defineEvent<ParcelArrived>('decorator-test.parcel-arrived');
const Sort = defineJob<{ bin: number }>('decorator-test.sort');

class Handlers {
  @OnEvent(Arrived, 'decorator-test.log-parcel')
  async log(payload: ParcelArrived, context: JobContext): Promise<void> {
    void payload;
    void context;
  }

  /** A handler may read less than the payload carries, or nothing at all. */
  @OnEvent(Arrived, 'decorator-test.count-parcel')
  async count(payload: { parcelId: string }): Promise<void> {
    void payload;
  }

  @OnJob(Sort)
  async sort(): Promise<void> {}
}

/**
 * Handlers that must not compile: `npm run typecheck` fails on an unused
 * `@ts-expect-error`, so each line below proves the decorator refuses the
 * mismatch. Never instantiated; the decorators still run when the class is
 * defined, and record their metadata like any other.
 */
class Mismatched {
  // @ts-expect-error the payload of Arrived has no `weight`
  @OnEvent(Arrived, 'decorator-test.weigh-parcel')
  async weigh(payload: { parcelId: string; weight: number }): Promise<void> {
    void payload;
  }

  // @ts-expect-error `kind` is 'letter' | 'box', not a number
  @OnEvent(Arrived, 'decorator-test.route-parcel')
  async route(payload: { kind: number }): Promise<void> {
    void payload;
  }

  // @ts-expect-error the second parameter is the JobContext
  @OnEvent(Arrived, 'decorator-test.stamp-parcel')
  async stamp(payload: ParcelArrived, when: Date): Promise<void> {
    void payload;
    void when;
  }

  // @ts-expect-error Sort carries `bin`, not `parcelId`
  @OnJob(Sort)
  async sortAgain(payload: ParcelArrived): Promise<void> {
    void payload;
  }
}

/** Publishing is checked against the same definition (type-only; never called). */
export async function publishes(outbox: OutboxService, tx: EntityManager): Promise<void> {
  await outbox.publish(tx, Arrived, { parcelId: 'p1', kind: 'box' });
  // @ts-expect-error `kind` is missing
  await outbox.publish(tx, Arrived, { parcelId: 'p1' });
  // @ts-expect-error 'crate' is not a kind of parcel
  await outbox.publish(tx, Arrived, { parcelId: 'p1', kind: 'crate' });
  // @ts-expect-error `bin` is a number
  await outbox.add(tx, Sort, { bin: '3' });
}

describe('OnEvent / OnJob', () => {
  const reflector = new Reflector();

  it('records the subscription and the job on the handler method', () => {
    expect(reflector.get(ON_EVENT, Handlers.prototype.log)).toEqual({
      event: 'decorator-test.parcel-arrived',
      job: 'decorator-test.log-parcel',
    });
    expect(reflector.get(ON_EVENT, Handlers.prototype.count)).toEqual({
      event: 'decorator-test.parcel-arrived',
      job: 'decorator-test.count-parcel',
    });
    expect(reflector.get(ON_JOB, Handlers.prototype.sort)).toBe('decorator-test.sort');
    expect(reflector.get(ON_JOB, Mismatched.prototype.sortAgain)).toBe('decorator-test.sort');
  });

  it('declares the job an event subscription runs, once', () => {
    expect(() => defineJob('decorator-test.log-parcel')).toThrow(/declared twice/);
  });

  it('names the payload type of a definition', () => {
    const payload: EventPayload<typeof Arrived> = { parcelId: 'p2', kind: 'letter' };
    const job: JobPayload<typeof Sort> = { bin: 2 };
    expect([payload.kind, job.bin]).toEqual(['letter', 2]);
  });
});
