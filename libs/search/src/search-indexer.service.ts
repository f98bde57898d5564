import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, OnEvent, SEARCH_ENGINE } from '@smedx/platform';
import type { AppConfig, SearchEngine } from '@smedx/platform';
import { SolutionChanged } from '@smedx/catalogue';
import type { SolutionChangedPayload } from '@smedx/catalogue';
import { NeedChanged } from '@smedx/demand';
import type { NeedChangedPayload } from '@smedx/demand';
import { EnterpriseChanged, ProviderChanged } from '@smedx/directory';
import type { EnterpriseChangedPayload, ProviderChangedPayload } from '@smedx/directory';
import { SearchDocuments } from './search-documents.js';
import type { IndexName } from './search-documents.js';
import { indexSettings, NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';

const BATCH = 500;

/** The jobs through which the search context reacts to catalogue and demand changes. */
export const INDEX_SOLUTION_JOB = 'search.index-solution';
export const INDEX_NEED_JOB = 'search.index-need';
export const INDEX_PROVIDER_JOB = 'search.index-provider-solutions';
export const INDEX_ENTERPRISE_JOB = 'search.index-enterprise-needs';

/**
 * Keeps the search indexes equal to the published catalogue and needs.
 *
 * With Meilisearch the index is shared, so the change jobs update it wherever
 * they run (the worker, in services mode). The embedded index lives in each api
 * process instead; there the {@link ChangeFollower} of every process applies
 * the same changes, and the jobs have nothing left to do.
 */
@Injectable()
export class SearchIndexer {
  private readonly logger = new Logger('SearchIndexer');
  readonly shared: boolean;

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly documents: SearchDocuments,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.shared = !!config.meili;
  }

  async ensureIndexes(): Promise<void> {
    // Under the lexicon in force: an officer's new entry reaches the engine at the next call.
    await this.engine.ensureIndex(SOLUTIONS_INDEX, indexSettings(SOLUTIONS_INDEX));
    await this.engine.ensureIndex(NEEDS_INDEX, indexSettings(NEEDS_INDEX));
  }

  @OnEvent(SolutionChanged, INDEX_SOLUTION_JOB, { collapse: (p) => p.solutionId })
  async onSolutionChanged(payload: SolutionChangedPayload): Promise<void> {
    if (this.shared) await this.sync(SOLUTIONS_INDEX, [payload.solutionId]);
  }

  @OnEvent(NeedChanged, INDEX_NEED_JOB, { collapse: (p) => p.needId })
  async onNeedChanged(payload: NeedChangedPayload): Promise<void> {
    if (this.shared) await this.sync(NEEDS_INDEX, [payload.needId]);
  }

  @OnEvent(ProviderChanged, INDEX_PROVIDER_JOB)
  async onProviderChanged(payload: ProviderChangedPayload): Promise<void> {
    if (this.shared) await this.syncProvider(payload.providerId);
  }

  @OnEvent(EnterpriseChanged, INDEX_ENTERPRISE_JOB)
  async onEnterpriseChanged(payload: EnterpriseChangedPayload): Promise<void> {
    if (this.shared) await this.syncEnterprise(payload.enterpriseId);
  }

  /** Re-indexes every published need of an enterprise (its level or profile changed). */
  async syncEnterprise(enterpriseId: string): Promise<void> {
    await this.sync(NEEDS_INDEX, await this.documents.enterpriseNeedIds(enterpriseId));
  }

  /** Re-indexes every published solution of a provider (its status or profile changed). */
  async syncProvider(providerId: string): Promise<void> {
    await this.sync(SOLUTIONS_INDEX, await this.documents.providerSolutionIds(providerId));
  }

  /** Brings the given objects' documents up to date (upsert, or delete when they must not be found). */
  async sync(index: IndexName, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    await this.ensureIndexes();
    for (let i = 0; i < unique.length; i += BATCH) {
      const { present, absent } = await this.documents.load(index, unique.slice(i, i + BATCH));
      if (present.length) await this.engine.upsert(index, present);
      if (absent.length) await this.engine.delete(index, absent);
    }
  }

  /** Rebuilds one index from the database; reports progress as (done, total). */
  async rebuild(index: IndexName, progress?: (done: number, total: number) => void): Promise<number> {
    await this.ensureIndexes();
    const ids = await this.documents.publishedIds(index);
    await this.engine.clear(index);
    // One batch is read while the previous one is being indexed: the embedded engine cuts a
    // batch's texts in a worker thread, so reading and cutting overlap. Writes to one index
    // apply in call order, so the batches land in order.
    let indexing: Promise<void> = Promise.resolve();
    for (let i = 0; i < ids.length; i += BATCH) {
      const { present } = await this.documents.load(index, ids.slice(i, i + BATCH));
      await indexing;
      progress?.(Math.min(i, ids.length), ids.length);
      indexing = this.engine.upsert(index, present);
      // Failing while the next batch is read is reported by the `await` above, not as unhandled.
      indexing.catch(() => undefined);
    }
    await indexing;
    progress?.(ids.length, ids.length);
    this.logger.log(`index ${index}: ${ids.length} documents`);
    return ids.length;
  }
}
