import { spawnSync } from 'node:child_process';

/** Hides the password of a database URL in messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); is the PostgreSQL client installed?`);
  if (result.status !== 0) throw new Error(`${command} failed with exit ${result.status}: ${(result.stderr ?? '').trim().slice(-2000)}`);
}

/**
 * A consistent copy of the whole database while the api runs: `pg_dump --format=custom` (one
 * snapshot transaction; no owners, so it restores under another role).
 */
export function dumpPostgres(databaseUrl: string, file: string): void {
  run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, databaseUrl]);
}

/**
 * Puts a dump of {@link dumpPostgres} into `databaseUrl`: existing objects of the dump are dropped
 * first, and the whole restore is one transaction, so a failure leaves the database as it was.
 */
export function restorePostgres(databaseUrl: string, file: string): void {
  run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', `--dbname=${databaseUrl}`, file]);
}
