/**
 * `npm run restore -- DIR [--force]`: puts a backup of `npm run backup` back. Stop the api
 * first. Embedded mode: the copy is checked against its manifest (row counts, checksums, file
 * hashes) before anything is replaced; an existing database is replaced only with --force.
 * Services mode: `pg_restore --clean --if-exists` into DATABASE_URL.
 */
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@smedx/platform';
import { restoreEmbedded } from '../libs/platform/src/backup/embedded-backup.js';
import { redactUrl, restorePostgres } from '../libs/platform/src/backup/postgres-backup.js';

function main(): void {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    console.error('usage: npm run restore -- BACKUP_DIR [--force]');
    process.exit(2);
  }
  const from = resolve(dir);
  const config = loadConfig({ ...process.env, SMEDX_ROLE: 'tool' });
  if (config.database.kind === 'sqlite') {
    const manifest = restoreEmbedded(from, config.dataDir, { force });
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `restored ${from} (taken ${manifest.createdAt}) into ${config.dataDir}: ${rows} rows, ${Object.keys(manifest.files).length} files`,
    );
    return;
  }
  restorePostgres(config.database.url, join(from, 'smedx.pgdump'));
  if (existsSync(join(from, 'data'))) cpSync(join(from, 'data'), config.dataDir, { recursive: true });
  console.log(`restored ${from} into ${redactUrl(config.database.url)}`);
}

try {
  main();
} catch (err: unknown) {
  console.error(`restore failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
