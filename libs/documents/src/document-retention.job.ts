import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, CLOCK, FILE_STORE, OnJob, UnitOfWork, defineScheduledJob } from '@smedx/platform';
import type { AppConfig, Clock, FileStore } from '@smedx/platform';
import { AuditService } from '@smedx/audit';
import { DocumentOwners } from './document-owners.js';
import { Document } from './entities/document.entity.js';
import { StoredFile } from './entities/stored-file.entity.js';

/**
 * Daily: removes the documents whose owner's retention (DOCUMENT_RETENTION_YEARS after it ended) has passed,
 * and the uploads attached to nothing for FILE_ORPHAN_DAYS.
 */
export const DocumentRetentionJob = defineScheduledJob('documents.retention-sweep', 24 * 3600);

/** Owners looked at per run; the next run continues. */
const BATCH = 200;

/**
 * Retention: documents are kept while their owner can be audited — for a
 * subsidy application five years (configurable) after the payment, or after
 * the rejection or revocation that ended it; owners that say nothing
 * (`retainUntil` absent or null) keep theirs. When an owner's time has
 * passed, its documents (every version) go with an audit entry, then the
 * uploads no document refers to any more, then the blobs no upload refers to.
 */
@Injectable()
export class DocumentRetention {
  private readonly logger = new Logger(DocumentRetention.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly owners: DocumentOwners,
    @Inject(FILE_STORE) private readonly store: FileStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @OnJob(DocumentRetentionJob)
  async run(): Promise<void> {
    await this.sweep();
    await this.sweepOrphans();
  }

  /**
   * Uploads attached to nothing for FILE_ORPHAN_DAYS (a form abandoned after
   * its uploads, a replaced draft): their rows go, so they stop counting
   * against the organisation's quota, then the blobs no row names. An upload
   * attached meanwhile is kept (the delete re-checks in the same statement).
   * Returns how many uploads were removed.
   */
  async sweepOrphans(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - this.config.files.orphanDays * 24 * 3600_000);
    const candidates = await this.dataSource
      .getRepository(StoredFile)
      .createQueryBuilder('s')
      .select(['s.id', 's.sha256'])
      .where('s.createdAt < :cutoff', { cutoff })
      .andWhere('NOT EXISTS (SELECT 1 FROM document d WHERE d.file_id = s.id)')
      .orderBy('s.createdAt', 'ASC')
      .limit(BATCH * 5)
      .getMany();
    if (!candidates.length) return 0;
    const orphans = await this.uow.run(async (tx) => {
      const ids = candidates.map((c) => c.id);
      const deleted = await tx
        .createQueryBuilder()
        .delete()
        .from(StoredFile)
        .where('id IN (:...ids)', { ids })
        .andWhere('NOT EXISTS (SELECT 1 FROM document d WHERE d.file_id = stored_file.id)')
        .execute();
      return { count: deleted.affected ?? 0, blobs: await unreferencedBlobs(tx, candidates) };
    });
    await this.deleteBlobs(orphans.blobs);
    if (orphans.count) this.logger.log(`removed ${orphans.count} uploads attached to nothing for ${this.config.files.orphanDays} days`);
    return orphans.count;
  }

  /** One pass; returns how many owners' documents were removed. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let removed = 0;
    for (const type of this.owners.all()) {
      if (!type.retainUntil) continue;
      const owners = await this.dataSource
        .getRepository(Document)
        .createQueryBuilder('d')
        .select('d.ownerId', 'ownerId')
        .distinct(true)
        .where('d.ownerKind = :kind', { kind: type.ownerKind })
        .limit(BATCH * 10)
        .getRawMany<{ ownerId: string }>();
      for (const { ownerId } of owners) {
        if (removed >= BATCH) return removed;
        const until = await type.retainUntil(ownerId, this.config.files.retentionYears);
        if (!until || until > now) continue;
        await this.removeOwnerDocuments(type.ownerKind, ownerId, until);
        removed += 1;
      }
    }
    return removed;
  }

  private async removeOwnerDocuments(ownerKind: string, ownerId: string, until: Date): Promise<void> {
    const orphans = await this.removeInTransaction(ownerKind, ownerId, until).catch((error: unknown) => {
      // A concurrent sweep took part of the rows: its transaction audits them; the next run looks again.
      if (error instanceof RetentionRaced) return [];
      throw error;
    });
    await this.deleteBlobs(orphans);
  }

  /** Blobs go after the commit: a failure here leaves an unreferenced blob, never a reference without one. */
  private async deleteBlobs(hashes: readonly string[]): Promise<void> {
    for (const sha256 of hashes) {
      await this.store.delete(sha256).catch((error: unknown) => this.logger.warn(`blob ${sha256} not removed: ${String(error)}`));
    }
  }

  private removeInTransaction(ownerKind: string, ownerId: string, until: Date): Promise<string[]> {
    return this.uow.run(async (tx) => {
      const documents = await tx.findBy(Document, { ownerKind, ownerId });
      if (!documents.length) return [];
      // Two sweeps may meet (the daily job on one process, an operator's run on another): the delete
      // decides. The later one waits for the first's rows, finds them gone, and records nothing.
      const deleted = await tx.delete(Document, { id: In(documents.map((d) => d.id)) });
      if (deleted.affected !== documents.length) {
        if (deleted.affected) throw new RetentionRaced(ownerKind, ownerId);
        return [];
      }
      await this.audit.record(tx, {
        actorId: null,
        action: 'document.retention_expired',
        entityType: ownerKind,
        entityId: ownerId,
        data: {
          retainedUntil: until.toISOString(),
          documents: documents.map((d) => ({ kind: d.kind, sha256: d.sha256, version: d.version })),
        },
      });
      const fileIds = [...new Set(documents.map((d) => d.fileId))];
      const stillUsed = new Set(
        (await tx.find(Document, { where: { fileId: In(fileIds) }, select: { fileId: true } })).map((d) => d.fileId),
      );
      const unused = fileIds.filter((id) => !stillUsed.has(id));
      const files = unused.length ? await tx.findBy(StoredFile, { id: In(unused) }) : [];
      if (unused.length) await tx.delete(StoredFile, { id: In(unused) });
      return unreferencedBlobs(tx, files);
    });
  }
}

/** Rolls back a removal that found only part of an owner's documents still there. */
class RetentionRaced extends Error {
  constructor(ownerKind: string, ownerId: string) {
    super(`retention of ${ownerKind} ${ownerId} raced another sweep`);
  }
}

/** The hashes of these (removed) uploads that no remaining upload names: their blobs may go. */
async function unreferencedBlobs(tx: EntityManager, removed: readonly Pick<StoredFile, 'sha256'>[]): Promise<string[]> {
  const hashes = [...new Set(removed.map((f) => f.sha256))];
  if (!hashes.length) return [];
  const kept = new Set((await tx.find(StoredFile, { where: { sha256: In(hashes) }, select: { sha256: true } })).map((f) => f.sha256));
  return hashes.filter((h) => !kept.has(h));
}
