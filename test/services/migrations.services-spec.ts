import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@smedx/platform';
import { ENTITIES } from '@smedx/core';
import { createDatabase, dropDatabase } from '../support/databases.js';

interface ColumnShape {
  table: string;
  column: string;
  nullable: boolean;
}

async function migratedSchema(ds: DataSource): Promise<{ pendingSql: string[]; columns: ColumnShape[]; indexes: string[] }> {
  await ds.runMigrations({ transaction: 'each' });
  const pendingSql = (await ds.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  const runner = ds.createQueryRunner();
  try {
    const tables = await runner.getTables(ds.entityMetadatas.map((m) => m.tablePath));
    expect(tables).toHaveLength(ds.entityMetadatas.length);
    const columns = tables.flatMap((t) =>
      t.columns.map((c) => ({ table: t.name.replace(/^public\./, ''), column: c.name, nullable: c.isNullable })),
    );
    // TypeORM's schema readers list an index's columns in index order on SQLite and in table order on
    // PostgreSQL; the migrations of both (checked above against the entities) define the same order.
    const indexes = tables.flatMap((t) =>
      t.indices.map((i) => `${t.name.replace(/^public\./, '')}(${[...i.columnNames].sort().join(',')})${i.isUnique ? ' unique' : ''}`),
    );
    return {
      pendingSql,
      columns: columns.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`)),
      indexes: indexes.sort(),
    };
  } finally {
    await runner.release();
  }
}

describe('migrations', () => {
  it('build the same schema from empty on SQLite and PostgreSQL, matching the entities', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smedx-migrations-'));
    const pgUrl = await createDatabase(process.env.DATABASE_URL!, `smedx_migrations_${process.pid}`);
    const sqlite = await new DataSource(
      dataSourceOptions({ database: { kind: 'sqlite', path: join(dir, 'm.sqlite') } }, ENTITIES),
    ).initialize();
    const postgres = await new DataSource(
      dataSourceOptions({ database: { kind: 'postgres', url: pgUrl, poolSize: 2 } }, ENTITIES),
    ).initialize();
    try {
      const a = await migratedSchema(sqlite);
      const b = await migratedSchema(postgres);
      expect(a.pendingSql).toEqual([]);
      expect(b.pendingSql).toEqual([]);
      expect(a.columns.length).toBeGreaterThan(10);
      expect(a.columns).toEqual(b.columns);
      expect(a.indexes).toEqual(b.indexes);

      // And they undo cleanly.
      for (const ds of [sqlite, postgres]) {
        while ((await ds.query(`SELECT COUNT(*) AS n FROM migrations`))[0].n > 0) await ds.undoLastMigration({ transaction: 'each' });
        const left = await ds.createQueryRunner().getTables(ds.entityMetadatas.map((m) => m.tablePath));
        expect(left.map((t) => t.name)).toEqual([]);
      }
    } finally {
      await sqlite.destroy();
      await postgres.destroy();
      await dropDatabase(process.env.DATABASE_URL!, pgUrl);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
