/**
 * A conversation with Meilisearch v1 as the adapter holds it, request by
 * request, with the answers Meilisearch gives. The answers' shapes are those of
 * the Meilisearch API reference (tasks: `/reference/api/tasks`; search:
 * `/reference/api/search`, exhaustive pagination with `page`/`hitsPerPage`;
 * documents; stats) and of the meilisearch-js 0.62 types (`EnqueuedTask`,
 * `Task`, `SearchResponse` with `FinitePagination`, `IndexStats`), with values
 * of this platform's documents. No live server was recorded: none can run on
 * the machines that build smedx (see README, "What has run against a live
 * Meilisearch"). `body` is what the request must contain (a subset: fields the
 * adapter must send as written here).
 */
export interface Exchange {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Path and query string. */
  path: string;
  body?: unknown;
  status: number;
  answer: unknown;
}

const AT = { enqueuedAt: '2026-11-20T08:00:00.000000Z' };
const DONE = { startedAt: '2026-11-20T08:00:00.010000Z', finishedAt: '2026-11-20T08:00:00.020000Z', duration: 'PT0.01S' };

const enqueued = (taskUid: number, indexUid: string, type: string) => ({
  status: 202,
  answer: { taskUid, indexUid, status: 'enqueued', type, ...AT },
});

const task = (uid: number, indexUid: string, type: string, details: Record<string, unknown>, error: unknown = null) => ({
  method: 'GET' as const,
  path: `/tasks/${uid}`,
  status: 200,
  answer: {
    uid,
    batchUid: uid,
    indexUid,
    status: error ? 'failed' : 'succeeded',
    type,
    canceledBy: null,
    details,
    error,
    ...AT,
    ...DONE,
  },
});

export const INDEX = 'rec_solutions';

export const DOCS = [
  {
    id: 's1',
    title: '数控机床设备联网与数据采集方案',
    summary: '机床联网',
    description: '采集机床运行数据',
    industries: ['jichuang'],
    scenarios: ['sbwl'],
    deliveryMode: 'saas',
    district: 'tiexi',
    priceMaxFen: 8_000_000,
    deployDays: 30,
  },
  {
    id: 's2',
    title: '空压机群控节能方案',
    summary: '空压站节能',
    description: '按用气量调度空压机',
    industries: ['tongyong'],
    scenarios: ['nhgl'],
    deliveryMode: 'private',
    district: 'hunnan',
    priceMaxFen: 12_000_000,
    deployDays: 45,
  },
];

/** ensureIndex → upsert → search → delete → count, then a refused write. */
export const CONVERSATION: Exchange[] = [
  { method: 'POST', path: '/indexes', body: { uid: INDEX, primaryKey: 'id' }, ...enqueued(10, INDEX, 'indexCreation') },
  task(10, INDEX, 'indexCreation', { primaryKey: 'id' }),
  {
    method: 'PATCH',
    path: `/indexes/${INDEX}/settings`,
    body: {
      searchableAttributes: ['title', 'summary', 'description'],
      filterableAttributes: ['industries', 'scenarios', 'deliveryMode', 'district', 'priceMaxFen', 'deployDays'],
      sortableAttributes: ['priceMaxFen', 'deployDays', 'id'],
    },
    ...enqueued(11, INDEX, 'settingsUpdate'),
  },
  task(11, INDEX, 'settingsUpdate', { searchableAttributes: ['title', 'summary', 'description'] }),
  { method: 'POST', path: `/indexes/${INDEX}/documents?primaryKey=id`, body: DOCS, ...enqueued(12, INDEX, 'documentAdditionOrUpdate') },
  task(12, INDEX, 'documentAdditionOrUpdate', { receivedDocuments: 2, indexedDocuments: 2 }),
  {
    method: 'POST',
    path: `/indexes/${INDEX}/search`,
    body: {
      q: '机床联网',
      page: 1,
      hitsPerPage: 10,
      filter: ['district = "tiexi"'],
      facets: ['industries'],
      attributesToHighlight: ['title'],
      showRankingScore: true,
    },
    status: 200,
    answer: {
      hits: [
        {
          ...DOCS[0],
          _formatted: { ...DOCS[0], id: 's1', title: '数控\uE000机床\uE001设备\uE000联网\uE001与数据采集方案' },
          _rankingScore: 0.9712,
        },
      ],
      query: '机床联网',
      processingTimeMs: 1,
      hitsPerPage: 10,
      page: 1,
      totalPages: 1,
      totalHits: 1,
      facetDistribution: { industries: { jichuang: 1 } },
      facetStats: {},
    },
  },
  { method: 'POST', path: `/indexes/${INDEX}/documents/delete-batch`, body: ['s2'], ...enqueued(13, INDEX, 'documentDeletion') },
  task(13, INDEX, 'documentDeletion', { providedIds: 1, deletedDocuments: 1 }),
  {
    method: 'GET',
    path: `/indexes/${INDEX}/stats`,
    status: 200,
    answer: {
      numberOfDocuments: 1,
      rawDocumentDbSize: 4096,
      avgDocumentSize: 512,
      isIndexing: false,
      numberOfEmbeddings: 0,
      numberOfEmbeddedDocuments: 0,
      fieldDistribution: { id: 1, title: 1, summary: 1, description: 1 },
    },
  },
  {
    method: 'POST',
    path: `/indexes/${INDEX}/documents?primaryKey=id`,
    body: [{ id: 'bad id!' }],
    ...enqueued(14, INDEX, 'documentAdditionOrUpdate'),
  },
  task(
    14,
    INDEX,
    'documentAdditionOrUpdate',
    { receivedDocuments: 1, indexedDocuments: 0 },
    {
      message:
        'Document identifier `"bad id!"` is invalid. A document identifier can be of type integer or string, only composed of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_), and can not be more than 511 bytes.',
      code: 'invalid_document_id',
      type: 'invalid_request',
      link: 'https://docs.meilisearch.com/errors#invalid_document_id',
    },
  ),
];

/** A second process starting on an existing index: creation fails with `index_already_exists`, the settings still apply. */
export const SECOND_START: Exchange[] = [
  { method: 'POST', path: '/indexes', body: { uid: INDEX, primaryKey: 'id' }, ...enqueued(20, INDEX, 'indexCreation') },
  task(
    20,
    INDEX,
    'indexCreation',
    { primaryKey: 'id' },
    {
      message: `Index \`${INDEX}\` already exists.`,
      code: 'index_already_exists',
      type: 'invalid_request',
      link: 'https://docs.meilisearch.com/errors#index_already_exists',
    },
  ),
  { method: 'PATCH', path: `/indexes/${INDEX}/settings`, ...enqueued(21, INDEX, 'settingsUpdate') },
  task(21, INDEX, 'settingsUpdate', {}),
];
