import { Injectable } from '@nestjs/common';
import type { SearchDocument } from '@smedx/platform';
import { SolutionsService } from '@smedx/catalogue';
import { NeedQueriesService } from '@smedx/demand';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';

export type IndexName = typeof SOLUTIONS_INDEX | typeof NEEDS_INDEX;

/**
 * Where index documents come from: the owning contexts shape them. Only what
 * the public may find is indexed: published needs, and published solutions of
 * providers that are approved (a suspended provider's solutions disappear).
 */
@Injectable()
export class SearchDocuments {
  constructor(
    private readonly solutions: SolutionsService,
    private readonly needs: NeedQueriesService,
  ) {}

  /** The documents that belong in the index among `ids`, and the ids that must not be there. */
  async load(index: IndexName, ids: readonly string[]): Promise<{ present: SearchDocument[]; absent: string[] }> {
    const docs: SearchDocument[] =
      index === SOLUTIONS_INDEX
        ? (await this.solutions.toSearchDocuments(ids)).filter((d) => d.providerStatus === 'approved')
        : await this.needs.toSearchDocuments(ids);
    const present = docs.filter((d) => d.status === 'published');
    const kept = new Set(present.map((d) => d.id));
    return { present, absent: ids.filter((id) => !kept.has(id)) };
  }

  /** Ids of everything that may belong in the index (then filtered by {@link load}). */
  publishedIds(index: IndexName): Promise<string[]> {
    return index === SOLUTIONS_INDEX ? this.solutions.listIds('published') : this.needs.listIds('published');
  }

  /** Ids of one enterprise's published needs. */
  enterpriseNeedIds(enterpriseId: string): Promise<string[]> {
    return this.needs.listIds('published', enterpriseId);
  }

  /** Ids of one provider's published solutions. */
  providerSolutionIds(providerId: string): Promise<string[]> {
    return this.solutions.listIds('published', providerId);
  }
}
