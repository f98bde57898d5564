import { Injectable } from '@nestjs/common';
import type { SearchDocument } from '@smedx/platform';
import { SolutionsService } from '@smedx/catalogue';
import { NeedsService } from '@smedx/demand';
import { NEEDS_INDEX, SOLUTIONS_INDEX } from './search-indexes.js';

export type IndexName = typeof SOLUTIONS_INDEX | typeof NEEDS_INDEX;

/**
 * Where index documents come from: the owning contexts shape them; only
 * published objects are indexed, so a search never shows drafts or withdrawn items.
 */
@Injectable()
export class SearchDocuments {
  constructor(
    private readonly solutions: SolutionsService,
    private readonly needs: NeedsService,
  ) {}

  /** The document to index for `id`, or null when it must not be in the index. */
  async load(index: IndexName, id: string): Promise<SearchDocument | null> {
    const doc = index === SOLUTIONS_INDEX ? await this.solutions.toSearchDocument(id) : await this.needs.toSearchDocument(id);
    return doc && doc.status === 'published' ? (doc as SearchDocument) : null;
  }

  /** Ids of everything that belongs in the index. */
  publishedIds(index: IndexName): Promise<string[]> {
    return index === SOLUTIONS_INDEX ? this.solutions.listIds('published') : this.needs.listIds('published');
  }
}
