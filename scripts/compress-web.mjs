/**
 * After `vite build`: a gzip and a brotli copy beside every text asset of apps/web/dist, which the
 * API serves to browsers that accept them (@fastify/static `preCompressed`), so no request pays for
 * compression and a phone on a slow network downloads a third of the bytes.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(process.argv[2] ?? 'apps/web/dist');
const TEXT = /\.(js|css|html|svg|json|txt|map)$/;
let files = 0;
let before = 0;
let after = 0;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name) && !name.endsWith('.map')) {
      const body = readFileSync(path);
      if (body.length < 1024) continue;
      const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      writeFileSync(`${path}.br`, br);
      files += 1;
      before += body.length;
      after += br.length;
    }
  }
}

walk(root);
console.log(`compress-web: ${files} files, ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB brotli`);
