/**
 * `npm run backup [-- DIR]`: a consistent backup while the api runs.
 *   Embedded mode (SQLite): the database through SQLite's online backup API plus every other
 *   file under SMEDX_DATA_DIR, with a manifest of row counts and checksums, into DIR
 *   (default ./backups/smedx-<time>). Restore with `npm run restore -- DIR`.
 *   Services mode (DATABASE_URL): `pg_dump --format=custom` of the database into DIR, plus the
 *   data directory's files; restore with pg_restore (see docs/operations.md).
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '@smedx/platform';
import { backupEmbedded } from '../libs/platform/src/backup/embedded-backup.js';
import { dumpPostgres } from '../libs/platform/src/backup/postgres-backup.js';

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, SMEDX_ROLE: 'tool' });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = resolve(process.argv[2] ?? join('backups', `smedx-${stamp}`));
  const started = Date.now();
  if (config.database.kind === 'sqlite') {
    const manifest = await backupEmbedded(config.database.path, config.dataDir, out);
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    console.log(
      `backup written to ${out}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, ` +
        `${Object.keys(manifest.files).length} other files, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return;
  }
  mkdirSync(out, { recursive: true });
  try {
    dumpPostgres(config.database.url, join(out, 'smedx.pgdump'));
  } catch (err: unknown) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  if (existsSync(config.dataDir)) cpSync(config.dataDir, join(out, 'data'), { recursive: true });
  console.log(`backup written to ${out}: smedx.pgdump (pg_dump custom format) and the data directory's files`);
}

main().catch((err: unknown) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
