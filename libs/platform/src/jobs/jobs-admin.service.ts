import { Inject, Injectable } from '@nestjs/common';
import type { JobStatus, JobView } from '@smedx/contracts';
import { DataSource } from 'typeorm';
import { CLOCK } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import { UnitOfWork, markOutboxWritten } from '../database/unit-of-work.js';
import { NotFoundError, StateConflictError } from '../errors/domain-error.js';
import { JOB_BUS } from './job-bus.port.js';
import type { JobBus } from './job-bus.port.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

/** The admin's view of background work: list by state, retry the dead. */
@Injectable()
export class JobsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    @Inject(JOB_BUS) private readonly bus: JobBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(state: OutboxStatus, page: number, pageSize: number): Promise<{ items: JobView[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(OutboxMessage).findAndCount({
      where: { status: state },
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: items.map(jobView), total };
  }

  /** How many jobs are in each state (states without any left out). */
  async counts(): Promise<Partial<Record<JobStatus, number>>> {
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('m.status')
      .getRawMany<{ status: string; n: string | number }>();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<JobStatus, number>>;
  }

  /** A dead job runs again from its first attempt. */
  async retry(id: number): Promise<JobView> {
    const message = await this.dataSource.getRepository(OutboxMessage).findOneBy({ id });
    if (!message) throw new NotFoundError('job', String(id));
    if (message.status !== 'dead') throw new StateConflictError('job', message.status, 'retry');
    await this.bus.forget(id);
    return this.uow.run(async (tx) => {
      await tx.update(
        OutboxMessage,
        { id, status: 'dead' },
        {
          status: 'pending',
          attempts: 0,
          availableAt: this.clock.now(),
          lockedUntil: null,
        },
      );
      markOutboxWritten(tx);
      return jobView(await tx.getRepository(OutboxMessage).findOneByOrFail({ id }));
    });
  }
}

/** A job as the admin sees it. */
export function jobView(m: OutboxMessage): JobView {
  return {
    id: m.id,
    job: m.job,
    payload: m.payload as Record<string, unknown>,
    status: m.status,
    attempts: m.attempts,
    availableAt: m.availableAt,
    lockedUntil: m.lockedUntil,
    lastError: m.lastError,
    createdAt: m.createdAt,
    completedAt: m.completedAt,
  };
}
