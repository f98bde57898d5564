import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ConflictError, NotFoundError, isUuid } from '@smedx/platform';
import { DirectoryService } from '@smedx/directory';
import { Nomination } from './entities/nomination.entity.js';
import { NOMINATION_STATE_MACHINE } from './nomination-state.js';
import type { NominationAction } from './nomination-state.js';

/**
 * Reading and writing nominations for the services of this context: the row locked for a
 * decision, status changes written conditionally on the status read, and the nominees' names.
 */
@Injectable()
export class NominationStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly directory: DirectoryService,
  ) {}

  /** The nomination with its row locked for the transaction on PostgreSQL (SQLite runs write transactions one at a time). */
  async load(tx: EntityManager, id: string): Promise<Nomination> {
    const qb = tx.getRepository(Nomination).createQueryBuilder('n').where('n.id = :id', { id });
    if (this.dataSource.options.type === 'postgres') qb.setLock('pessimistic_write');
    const nomination = isUuid(id) ? await qb.getOne() : null;
    if (!nomination) throw new NotFoundError('nomination', id);
    return nomination;
  }

  async find(id: string): Promise<Nomination | null> {
    return isUuid(id) ? this.dataSource.manager.findOneBy(Nomination, { id }) : null;
  }

  /** Writes a change conditional on the status read: a concurrent change makes it a 409 naming the new status. */
  async transition(tx: EntityManager, n: Nomination, action: NominationAction, changes: Partial<Nomination>): Promise<Nomination> {
    const result = await tx.update(Nomination, { id: n.id, status: n.status }, changes);
    if (!result.affected) {
      const current = await tx.findOneBy(Nomination, { id: n.id });
      NOMINATION_STATE_MACHINE.next(current?.status ?? n.status, action);
      throw new ConflictError('nomination_changed', 'the nomination changed meanwhile; reload and try again');
    }
    return { ...n, ...changes };
  }

  /** Inserts a nomination; a live one of the same subject wins on the unique index (409). */
  async insert(tx: EntityManager, n: Nomination): Promise<Nomination> {
    try {
      return await tx.save(n);
    } catch (error) {
      const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (error instanceof QueryFailedError && (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE')) {
        throw new ConflictError('nomination_exists', `${n.category} ${n.subjectId} already has a live nomination`, {
          category: n.category,
          subjectId: n.subjectId,
        });
      }
      throw error;
    }
  }

  /** The names of the nominees (enterprises and providers), in two queries. */
  async nomineeNames(rows: readonly Pick<Nomination, 'category' | 'nomineeId'>[]): Promise<Map<string, string>> {
    const providerIds = rows.filter((r) => r.category === 'product').map((r) => r.nomineeId);
    const enterpriseIds = rows.filter((r) => r.category !== 'product').map((r) => r.nomineeId);
    const [providers, enterprises] = await Promise.all([
      this.directory.providersByIds(providerIds),
      this.directory.enterprisesByIds(enterpriseIds),
    ]);
    return new Map([...providers, ...enterprises].map((o) => [o.id, o.name]));
  }
}
