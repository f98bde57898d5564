import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.schema.js';

type AfterCommit = () => void;

const withOutboxRows = new WeakSet<EntityManager>();

/** Marks a transaction as having written outbox rows, so its commit wakes the relay. */
export function markOutboxWritten(tx: EntityManager): void {
  withOutboxRows.add(tx);
}

/**
 * Runs a write transaction. On SQLite, better-sqlite3 shares one connection for
 * the whole process, so concurrent transactions would nest as savepoints: they
 * are serialised here instead. On PostgreSQL each runs on its own connection.
 */
@Injectable()
export class UnitOfWork {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serialise: boolean;
  private readonly listeners: AfterCommit[] = [];

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.serialise = config.database.kind === 'sqlite';
  }

  /** Called after each committed transaction that wrote outbox rows (the relay listens). */
  onCommit(listener: AfterCommit): void {
    this.listeners.push(listener);
  }

  async run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    let wroteOutbox = false;
    const tracked = async (tx: EntityManager) => {
      const result = await work(tx);
      wroteOutbox = withOutboxRows.has(tx);
      return result;
    };
    const result = this.serialise
      ? await this.queue(() => this.dataSource.transaction(tracked))
      : await this.dataSource.transaction(tracked);
    if (wroteOutbox) for (const listener of this.listeners) listener();
    return result;
  }

  /**
   * Runs one statement that needs no transaction around it (a conditional
   * update, a status mark): on PostgreSQL straight on the pool, one round trip
   * instead of BEGIN, the statement and COMMIT; on SQLite in the same queue as
   * the transactions, so it never lands inside another one. Not for writing
   * outbox rows: those belong in the transaction of the change (see {@link run}).
   */
  async statement<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.serialise ? this.queue(() => work(this.dataSource.manager)) : work(this.dataSource.manager);
  }

  private queue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
