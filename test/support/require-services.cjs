/**
 * Jest global setup of the services project: PostgreSQL and Redis must answer,
 * otherwise the run fails here with the reason (it never skips).
 */
const net = require('node:net');

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort), timeout: 3000 });
    socket.once('connect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

module.exports = async () => {
  process.env.TZ = 'UTC';
  if (!process.env.SMEDX_REQUIRE_SERVICES) return;
  const missing = [];
  if (!process.env.DATABASE_URL) missing.push('DATABASE_URL is not set');
  else if (!(await reachable(process.env.DATABASE_URL, 5432))) missing.push(`PostgreSQL at ${process.env.DATABASE_URL} does not answer`);
  if (!process.env.REDIS_URL) missing.push('REDIS_URL is not set');
  else if (!(await reachable(process.env.REDIS_URL, 6379))) missing.push(`Redis at ${process.env.REDIS_URL} does not answer`);
  if (missing.length) throw new Error(`services tests need their services:\n  - ${missing.join('\n  - ')}`);
};
