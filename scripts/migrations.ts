/**
 * Operator commands for the schema (`npm run migration:<command>`):
 *   show      list migrations and whether each is applied
 *   run       apply pending migrations (npm start does this too)
 *   revert    undo the last applied migration
 *   generate  NAME — write the migrations that bring a database built by the
 *             existing ones up to the entities, for SQLite and for PostgreSQL
 * The database is the configured one (DATABASE_URL, else the SQLite file);
 * `generate` uses throwaway databases (PostgreSQL at MIGRATIONS_PG_URL or
 * postgres://postgres@127.0.0.1:5432/test).
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, loadConfig } from '@smedx/platform';
import type { AppConfig } from '@smedx/platform';
import { ENTITIES } from '@smedx/core';

async function withDataSource<T>(config: Pick<AppConfig, 'database'>, work: (ds: DataSource) => Promise<T>): Promise<T> {
  const ds = await new DataSource(dataSourceOptions(config, ENTITIES)).initialize();
  try {
    return await work(ds);
  } finally {
    await ds.destroy();
  }
}

/** The SQL that brings a database built by the current migrations up to the entities. */
async function pendingSchemaChanges(config: Pick<AppConfig, 'database'>) {
  return withDataSource(config, async (ds) => {
    await ds.runMigrations({ transaction: 'each' });
    return ds.driver.createSchemaBuilder().log();
  });
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function register(dir: string, file: string, className: string): void {
  const index = join(dir, 'index.ts');
  const source = readFileSync(index, 'utf8');
  const importLine = `import { ${className} } from './${file}.js';`;
  // The import goes after the last import line (the file starts with its imports, then its doc comment).
  const lines = source.split('\n');
  const lastImport = lines.reduce((at, line, i) => (line.startsWith('import ') ? i : at), -1);
  lines.splice(lastImport + 1, 0, importLine);
  const updated = lines.join('\n').replace(/= \[(.*)\];/s, (_m, list: string) => {
    const items = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    return `= [${[...items, className].join(', ')}];`;
  });
  writeFileSync(index, updated);
}

async function generate(name: string): Promise<void> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('give the migration a PascalCase name, e.g. AddBids');
  const stamp = Date.now();
  const className = `${name}${stamp}`;
  const root = resolve(process.env.SMEDX_SOURCE_ROOT ?? '.');
  const tmp = mkdtempSync(join(tmpdir(), 'smedx-migrate-'));
  const pgBase = process.env.MIGRATIONS_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const pgDb = `smedx_migrate_${stamp}`;
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pgDb}`);
  try {
    const pgUrl = new URL(pgBase);
    pgUrl.pathname = `/${pgDb}`;
    const drivers: [string, Pick<AppConfig, 'database'>][] = [
      ['sqlite', { database: { kind: 'sqlite', path: join(tmp, 'schema.sqlite') } }],
      ['postgres', { database: { kind: 'postgres', url: pgUrl.toString(), poolSize: 2 } }],
    ];
    for (const [driver, config] of drivers) {
      const sql = await pendingSchemaChanges(config);
      if (sql.upQueries.length === 0) {
        console.log(`${driver}: schema is up to date`);
        continue;
      }
      const dir = join(root, 'libs/platform/src/database/migrations', driver);
      const file = `${stamp}-${name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
      writeFileSync(
        join(dir, `${file}.ts`),
        migrationSource(
          className,
          sql.upQueries.map((q) => q.query),
          sql.downQueries.map((q) => q.query).reverse(),
        ),
      );
      register(dir, file, className);
      console.log(`${driver}: wrote ${sql.upQueries.length} statement(s) to ${dir}/${file}.ts`);
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${pgDb}`);
    await admin.end();
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [command, arg] = process.argv.slice(2);
  if (command === 'generate') return generate(arg ?? '');
  const config = loadConfig();
  await withDataSource(config, async (ds) => {
    if (command === 'run') {
      const applied = await ds.runMigrations({ transaction: 'each' });
      console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply');
    } else if (command === 'revert') {
      await ds.undoLastMigration({ transaction: 'each' });
      console.log('reverted the last migration');
    } else if (command === 'show') {
      const pending = await ds.showMigrations();
      const executed = await ds.query(`SELECT name FROM migrations ORDER BY id`).catch(() => []);
      for (const row of executed as { name: string }[]) console.log(`[x] ${row.name}`);
      console.log(pending ? 'pending migrations exist: npm run migration:run' : 'no pending migrations');
    } else {
      throw new Error('usage: migrations show|run|revert|generate NAME');
    }
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
