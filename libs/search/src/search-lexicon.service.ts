import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@smedx/audit';
import { CLOCK, ConflictError, InvalidInputError, UnitOfWork } from '@smedx/platform';
import type { Clock, Principal } from '@smedx/platform';
import { entriesOf, entryProblem, Lexicon, normalise, setCurrentLexicon } from '@smedx/lexicon';
import type { LexiconEntry } from '@smedx/lexicon';
import { LexiconEntryRecord } from './lexicon-entry.entity.js';
import { SearchIndexer } from './search-indexer.service.js';
import type { LexiconEntryView, LexiconView } from './search.views.js';
import type { LexiconEntryInput } from './dto/lexicon-entry.dto.js';

/** How often a process looks for entries another process added. */
const REFRESH_MS = 10_000;

/**
 * The lexicon in force: the data file plus the entries officers add through
 * the API. An entry is stored and audited in one transaction, then compiled
 * into this process's lexicon and applied to the search engine (Meilisearch's
 * stop words and synonyms, the embedded engine's synonyms) — no restart, no
 * deploy. Other api processes pick it up within {@link REFRESH_MS}.
 */
@Injectable()
export class SearchLexiconService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SearchLexicon');
  private signature = '';
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly indexer: SearchIndexer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(
      () => void this.refresh().catch((err: unknown) => this.logger.warn(`lexicon refresh failed: ${String(err)}`)),
      REFRESH_MS,
    );
    this.timer.unref();
  }

  beforeApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Adds an entry (officers): validated, stored, audited, then in force for search and matching at once. */
  async add(principal: Principal, input: LexiconEntryInput): Promise<LexiconEntryView> {
    const entry: LexiconEntry = { kind: input.kind, term: input.term, values: input.values ?? [] };
    const problem = entryProblem(entry);
    if (problem)
      throw new InvalidInputError([{ field: problem.startsWith('term') ? 'term' : 'values', reason: problem }], 'invalid_lexicon_entry');
    const term = normalise(entry.term);
    const values = entry.kind === 'scenario' || entry.kind === 'industry' ? [...entry.values] : entry.values.map(normalise);
    const saved = await this.uow.run(async (tx) => {
      const repo = tx.getRepository(LexiconEntryRecord);
      if (await repo.exists({ where: { kind: entry.kind, term } })) {
        throw new ConflictError('lexicon_entry_exists', `an entry of kind ${entry.kind} for "${term}" exists already`);
      }
      const record = await repo.save(
        repo.create({ kind: entry.kind, term, values, createdBy: principal.userId, createdAt: this.clock.now() }),
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'lexicon.entry-added',
        entityType: 'lexicon_entry',
        entityId: record.id,
        data: { kind: record.kind, term: record.term, values: record.values },
      });
      return record;
    });
    await this.refresh();
    return viewOf(saved);
  }

  /** The entries officers added, newest first, and the size of the lexicon in force. */
  async list(): Promise<LexiconView> {
    const items = await this.dataSource.getRepository(LexiconEntryRecord).find({ order: { createdAt: 'DESC', id: 'ASC' } });
    return { items: items.map(viewOf), total: items.length, baseEntries: entriesOf().length };
  }

  /** Recompiles the lexicon when the stored entries changed, and applies it to the search engine. */
  async refresh(): Promise<void> {
    const records = await this.dataSource.getRepository(LexiconEntryRecord).find({ order: { createdAt: 'ASC', id: 'ASC' } });
    const signature = records.map((r) => r.id).join(',');
    if (signature === this.signature) return;
    setCurrentLexicon(new Lexicon([...entriesOf(), ...records.map((r) => ({ kind: r.kind, term: r.term, values: r.values }))]));
    this.signature = signature;
    await this.indexer.ensureIndexes();
  }
}

function viewOf(r: LexiconEntryRecord): LexiconEntryView {
  return { id: r.id, kind: r.kind, term: r.term, values: r.values, createdBy: r.createdBy, createdAt: r.createdAt };
}
