import { Module } from '@nestjs/common';
import { APP_CONFIG, EmbeddedSearchEngine, MeilisearchSearchEngine, SEARCH_ENGINE } from '@smedx/platform';
import type { AppConfig, SearchEngine } from '@smedx/platform';
import { CatalogueModule } from '@smedx/catalogue';
import { DemandModule } from '@smedx/demand';
import { ChangeFollower } from './change-follower.service.js';
import { SearchDocuments } from './search-documents.js';
import { SearchIndexer } from './search-indexer.service.js';
import { SearchService } from './search.service.js';
import { SearchLexiconService } from './search-lexicon.service.js';
import { SearchMissesService } from './search-misses.service.js';

/** MEILI_HOST set → Meilisearch; otherwise the in-process engine. */
export function createSearchEngine(config: AppConfig): SearchEngine {
  if (config.meili) {
    return new MeilisearchSearchEngine({ host: config.meili.host, apiKey: config.meili.apiKey, indexPrefix: config.meili.indexPrefix });
  }
  return new EmbeddedSearchEngine();
}

@Module({
  imports: [CatalogueModule, DemandModule],
  providers: [
    { provide: SEARCH_ENGINE, inject: [APP_CONFIG], useFactory: createSearchEngine },
    SearchDocuments,
    SearchIndexer,
    SearchService,
    SearchLexiconService,
    SearchMissesService,
    ChangeFollower,
  ],
  exports: [SEARCH_ENGINE, SearchService, SearchIndexer, ChangeFollower, SearchLexiconService, SearchMissesService],
})
export class SearchModule {}
