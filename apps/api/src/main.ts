import 'reflect-metadata';
import { ConfigError, loadConfig } from '@smedx/platform';
import { closeGracefully, createApp } from './bootstrap.js';

process.env.TZ = 'UTC';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp({ config });
  closeGracefully(app, config.http.shutdownGraceMs);
  await app.listen(config.http.port, config.http.host);
  const mode = [
    config.database.kind === 'postgres' ? 'PostgreSQL' : `SQLite (${config.database.path})`,
    config.redis ? 'BullMQ jobs' : 'inline jobs',
    config.meili ? 'Meilisearch' : 'embedded search',
  ].join(', ');
  console.log(`smedx api listening on http://localhost:${config.http.port} — ${mode}; API docs at /docs`);
}

void main();
