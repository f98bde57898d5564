import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config.js';

describe('loadConfig', () => {
  const dataDir = () => mkdtempSync(join(tmpdir(), 'smedx-config-'));

  it('defaults to the embedded mode', () => {
    const dir = dataDir();
    const config = loadConfig({ SMEDX_DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'sqlite', path: join(dir, 'smedx.sqlite') });
    expect(config.redis).toBeNull();
    expect(config.meili).toBeNull();
    expect(config.http.port).toBe(3000);
    expect(config.demo).toBe(true);
    // The generated secret survives a restart.
    expect(loadConfig({ SMEDX_DATA_DIR: dir }).auth.jwtSecret).toBe(config.auth.jwtSecret);
  });

  it('switches each part to services mode independently', () => {
    const config = loadConfig({ SMEDX_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@db:5432/smedx', JWT_SECRET: 'x'.repeat(32) });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/smedx', poolSize: 10 });
    expect(config.redis).toBeNull();
    const withRedis = loadConfig({ SMEDX_DATA_DIR: dataDir(), REDIS_URL: 'redis://cache:6379' });
    expect(withRedis.database.kind).toBe('sqlite');
    expect(withRedis.redis).toEqual({ url: 'redis://cache:6379', prefix: 'smedx' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ SMEDX_DEMO: 'maybe' }, 'SMEDX_DEMO'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ SMEDX_ADMIN_EMAIL: 'admin' }, 'SMEDX_ADMIN_EMAIL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %j naming the variable', (env, name) => {
    const attempt = () => loadConfig({ SMEDX_DATA_DIR: dataDir(), ...env });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration:\\n  - ${name}: `));
  });

  it("sizes a worker's PostgreSQL pool to its concurrency, and refuses a pool smaller than it", () => {
    const worker = (env: Record<string, string>) =>
      loadConfig({ SMEDX_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@db:5432/smedx', SMEDX_ROLE: 'worker', ...env });
    expect(worker({}).jobs.workerConcurrency).toBe(16);
    expect(worker({}).database).toMatchObject({ poolSize: 20 });
    expect(worker({ WORKER_CONCURRENCY: '2' }).database).toMatchObject({ poolSize: 10 });
    expect(worker({ WORKER_CONCURRENCY: '8', DATABASE_POOL_SIZE: '8' }).database).toMatchObject({ poolSize: 8 });
    expect(() => worker({ WORKER_CONCURRENCY: '32', DATABASE_POOL_SIZE: '16' })).toThrow(
      /^Invalid configuration:\n {2}- DATABASE_POOL_SIZE: /,
    );
    // An api runs no worker slots: its pool is not tied to them.
    expect(loadConfig({ SMEDX_DATA_DIR: dataDir(), DATABASE_URL: 'postgres://u@db/x', DATABASE_POOL_SIZE: '4' }).database).toMatchObject({
      poolSize: 4,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ SMEDX_DATA_DIR: dataDir(), DATABASE_URL: '', REDIS_URL: '' }).database.kind).toBe('sqlite');
  });
});
