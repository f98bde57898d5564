import { FieldProblem, InvalidInputError } from '../errors/domain-error.js';
import type { IndexSettings, SearchQuery } from './search-engine.port.js';

/** Largest page a query may ask for; deeper walks belong to an export, not a search. */
export const MAX_PAGE_SIZE = 1000;

/**
 * Rejects a query that names a field the index does not allow for that use,
 * or whose paging or filter values are malformed, so that every adapter
 * refuses the same queries with the same error.
 */
export function validateQuery(query: SearchQuery, settings: IndexSettings): void {
  const problems: FieldProblem[] = [];
  if (!Number.isInteger(query.page) || query.page < 1) problems.push({ field: 'page', reason: 'must be an integer ≥ 1' });
  if (!Number.isInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > MAX_PAGE_SIZE) {
    problems.push({ field: 'pageSize', reason: `must be an integer from 1 to ${MAX_PAGE_SIZE}` });
  }
  const filterable = new Map(settings.filterable.map((f) => [f.field, f.type]));
  const conditions = [
    ...(query.filters ?? []).map((filter) => ({ filter, use: 'filters' })),
    ...(query.boost ?? []).map((filter) => ({ filter, use: 'boost' })),
  ];
  for (const { filter, use } of conditions) {
    const type = filterable.get(filter.field);
    const at = `${use}.${filter.field}`;
    if (!type) {
      problems.push({ field: at, reason: 'is not filterable' });
      continue;
    }
    if (filter.op === 'eq') {
      if (!isScalar(filter.value)) problems.push({ field: at, reason: 'value must be a string or a finite number' });
    } else if (filter.op === 'in') {
      if (!Array.isArray(filter.values) || filter.values.length === 0 || !filter.values.every(isScalar)) {
        problems.push({ field: at, reason: 'values must be a non-empty list of strings or finite numbers' });
      }
    } else if (filter.op === 'range') {
      if (type !== 'number') problems.push({ field: at, reason: 'range needs a number field' });
      const bounds = [filter.min, filter.max].filter((b) => b !== undefined);
      if (bounds.length === 0) problems.push({ field: at, reason: 'range needs min or max' });
      if (!bounds.every((b) => typeof b === 'number' && Number.isFinite(b))) {
        problems.push({ field: at, reason: 'range bounds must be finite numbers' });
      }
    } else {
      problems.push({ field: at, reason: 'unknown filter operator' });
    }
  }
  const facetable = new Set(settings.facets);
  for (const field of query.facets ?? []) {
    if (!facetable.has(field)) problems.push({ field: `facets.${field}`, reason: 'is not a facet' });
  }
  const sortable = new Set(settings.sortable);
  for (const clause of query.sort ?? []) {
    if (!sortable.has(clause.field)) problems.push({ field: `sort.${clause.field}`, reason: 'is not sortable' });
    if (clause.direction !== 'asc' && clause.direction !== 'desc') {
      problems.push({ field: `sort.${clause.field}`, reason: 'direction must be asc or desc' });
    }
  }
  if (problems.length > 0) throw new InvalidInputError(problems, 'invalid_search_query');
}

/**
 * Rejects settings that cannot work: a facet that is not filterable (both
 * backends need the filter structures to count values) or a field used twice.
 */
export function validateSettings(settings: IndexSettings): void {
  const problems: FieldProblem[] = [];
  const filterable = new Set(settings.filterable.map((f) => f.field));
  for (const facet of settings.facets) {
    if (!filterable.has(facet)) problems.push({ field: `facets.${facet}`, reason: 'a facet must be filterable' });
  }
  if (filterable.size !== settings.filterable.length) problems.push({ field: 'filterable', reason: 'lists a field twice' });
  const searchable = new Set(settings.searchable.map((s) => s.field));
  if (searchable.size !== settings.searchable.length) problems.push({ field: 'searchable', reason: 'lists a field twice' });
  for (const s of settings.searchable) {
    if (!(s.weight > 0)) problems.push({ field: `searchable.${s.field}`, reason: 'weight must be positive' });
  }
  if (problems.length > 0) throw new InvalidInputError(problems, 'invalid_index_settings');
}

function isScalar(v: unknown): v is string | number {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}
