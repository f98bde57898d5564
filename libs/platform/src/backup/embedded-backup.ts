import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';

/** What a backup holds, written beside it as `manifest.json` and checked on restore. */
export interface BackupManifest {
  format: 'smedx-embedded-backup/1';
  createdAt: string;
  /** The database file's name in the data directory (and in the backup). */
  database: string;
  /** Per table: its row count and a SHA-256 over its rows in rowid order. */
  tables: Record<string, TableDigest>;
  /** Every other file of the data directory (e.g. `files/…`, `jwt-secret`), by relative path. */
  files: Record<string, { bytes: number; sha256: string }>;
}

export interface TableDigest {
  rows: number;
  sha256: string;
}

const SQLITE_SIDE_FILES = ['-wal', '-shm', '-journal'];

/**
 * The row count and checksum of every table of a SQLite database, opened read-only. Two
 * databases with equal digests hold the same rows (values and order of insertion).
 */
export function tableDigests(databasePath: string): Record<string, TableDigest> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[];
    const digests: Record<string, TableDigest> = {};
    for (const { name } of tables) {
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of db
        .prepare(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`)
        .raw()
        .iterate()) {
        hash.update(
          JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)),
        );
        hash.update('\n');
        rows++;
      }
      digests[name] = { rows, sha256: hash.digest('hex') };
    }
    return digests;
  } finally {
    db.close();
  }
}

/**
 * Backs up the embedded mode while the api runs: the SQLite database through SQLite's online
 * backup API (a consistent snapshot; writers are not blocked in WAL mode) and every other file
 * under the data directory. `outDir` must be new (or empty) and outside the data directory.
 */
export async function backupEmbedded(databasePath: string, dataDir: string, outDir: string): Promise<BackupManifest> {
  const data = resolve(dataDir);
  const out = resolve(outDir);
  if (out === data || out.startsWith(data + sep)) throw new Error(`the backup must go outside the data directory ${data}`);
  if (existsSync(out) && readdirSync(out).length) throw new Error(`${out} is not empty`);
  if (!existsSync(databasePath)) throw new Error(`no database at ${databasePath}`);
  mkdirSync(out, { recursive: true });
  const database = basename(databasePath);
  const source = new Database(databasePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // After the first step copy the rest at once: a snapshot taken in one read, however busy the api is.
    await source.backup(join(out, database), { progress: ({ totalPages }) => Math.max(totalPages, 100) });
  } finally {
    source.close();
  }
  const check = new Database(join(out, database), { readonly: true });
  try {
    const result = check.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the backup copy failed its integrity check: ${String(result)}`);
  } finally {
    check.close();
  }
  const files: BackupManifest['files'] = {};
  const skip = new Set([database, ...SQLITE_SIDE_FILES.map((s) => database + s)]);
  for (const path of walk(data)) {
    const rel = relative(data, path);
    if (skip.has(rel)) continue;
    const target = join(out, 'data', rel);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
    files[rel.split(sep).join('/')] = { bytes: statSync(target).size, sha256: sha256(target) };
  }
  const manifest: BackupManifest = {
    format: 'smedx-embedded-backup/1',
    createdAt: new Date().toISOString(),
    database,
    tables: tableDigests(join(out, database)),
    files,
  };
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Restores a backup into `dataDir` (the api must be stopped): checks the copy against its
 * manifest first, then puts the database and the other files in place. An existing database
 * is replaced only with `force`.
 */
export function restoreEmbedded(backupDir: string, dataDir: string, options: { force?: boolean } = {}): BackupManifest {
  const from = resolve(backupDir);
  const manifest = JSON.parse(readFileSync(join(from, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== 'smedx-embedded-backup/1') throw new Error(`${from} is not a smedx embedded backup`);
  const digests = tableDigests(join(from, manifest.database));
  if (JSON.stringify(digests) !== JSON.stringify(manifest.tables)) throw new Error('the backup database does not match its manifest');
  for (const [rel, file] of Object.entries(manifest.files)) {
    if (sha256(join(from, 'data', rel)) !== file.sha256) throw new Error(`the backup file ${rel} does not match its manifest`);
  }
  const data = resolve(dataDir);
  const target = join(data, manifest.database);
  if (existsSync(target) && !options.force) throw new Error(`${target} exists; stop the api and pass --force to replace it`);
  mkdirSync(data, { recursive: true });
  for (const side of ['', ...SQLITE_SIDE_FILES]) rmSync(target + side, { force: true });
  copyFileSync(join(from, manifest.database), target);
  for (const rel of Object.keys(manifest.files)) {
    const dest = join(data, rel);
    mkdirSync(dirname(dest), { recursive: true });
    copyFileSync(join(from, 'data', rel), dest);
  }
  return manifest;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
