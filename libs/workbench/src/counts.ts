import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows of `entity` counted per `key` column and status in one grouped query;
 * `narrow` adds the where clauses (alias `x`).
 */
export async function countsByKeyAndStatus<E extends ObjectLiteral>(
  db: EntityManager,
  entity: EntityTarget<E>,
  key: string,
  narrow: (qb: SelectQueryBuilder<E>) => SelectQueryBuilder<E>,
): Promise<Map<string, Map<string, number>>> {
  const rows = await narrow(
    db.createQueryBuilder(entity, 'x').select(`x.${key}`, 'key').addSelect('x.status', 'status').addSelect('COUNT(*)', 'count'),
  )
    .groupBy(`x.${key}`)
    .addGroupBy('x.status')
    .getRawMany<{ key: string; status: string; count: string | number }>();
  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const byStatus = counts.get(r.key) ?? new Map<string, number>();
    byStatus.set(r.status, Number(r.count));
    counts.set(r.key, byStatus);
  }
  return counts;
}

/** Every status of `statuses` with its count, zero where there is none. */
export function everyStatus<S extends string>(statuses: readonly S[], counts: Map<string, number> | undefined): Record<S, number> {
  return Object.fromEntries(statuses.map((s) => [s, counts?.get(s) ?? 0])) as Record<S, number>;
}
