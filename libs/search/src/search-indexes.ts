import type { IndexSettings } from '@smedx/platform';

export const SOLUTIONS_INDEX = 'solutions';
export const NEEDS_INDEX = 'needs';

/**
 * Words users type for the same thing. One-way: the key also finds each
 * listed word. Kept small and domain-specific.
 */
const SYNONYMS: Record<string, string[]> = {
  mes: ['制造执行系统'],
  制造执行系统: ['mes'],
  erp: ['企业资源计划'],
  wms: ['仓储管理'],
  scada: ['数据采集与监视控制'],
  oee: ['设备综合效率'],
  能耗: ['能源'],
  排产: ['排程'],
  排程: ['排产'],
  看板: ['大屏'],
};

export const SOLUTION_INDEX_SETTINGS: IndexSettings = {
  searchable: [
    { field: 'title', weight: 3 },
    { field: 'summary', weight: 2 },
    { field: 'description', weight: 1 },
    { field: 'providerName', weight: 1 },
  ],
  filterable: [
    { field: 'industries', type: 'keywords' },
    { field: 'scenarios', type: 'keywords' },
    { field: 'providerDistricts', type: 'keywords' },
    { field: 'levels', type: 'keywords' },
    { field: 'deliveryMode', type: 'keyword' },
    { field: 'providerKind', type: 'keyword' },
    { field: 'providerId', type: 'keyword' },
    { field: 'priceMinFen', type: 'number' },
    { field: 'priceMaxFen', type: 'number' },
    { field: 'deployDays', type: 'number' },
    { field: 'publishedAt', type: 'number' },
  ],
  sortable: ['priceMinFen', 'deployDays', 'publishedAt'],
  facets: ['industries', 'scenarios', 'providerDistricts', 'levels', 'deliveryMode', 'providerKind'],
  synonyms: SYNONYMS,
};

export const NEED_INDEX_SETTINGS: IndexSettings = {
  searchable: [
    { field: 'title', weight: 3 },
    { field: 'description', weight: 1 },
    { field: 'enterpriseName', weight: 1 },
  ],
  filterable: [
    { field: 'industry', type: 'keyword' },
    { field: 'district', type: 'keyword' },
    { field: 'scenarios', type: 'keywords' },
    { field: 'enterpriseId', type: 'keyword' },
    { field: 'budgetFen', type: 'number' },
    { field: 'expectedDays', type: 'number' },
    { field: 'bidDeadline', type: 'number' },
    { field: 'publishedAt', type: 'number' },
    { field: 'digitalLevel', type: 'number' },
  ],
  sortable: ['budgetFen', 'expectedDays', 'bidDeadline', 'publishedAt'],
  facets: ['industry', 'district', 'scenarios'],
  synonyms: SYNONYMS,
};
