import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { describeFileStoreContract } from './file-store.contract.js';
import { S3FileStore } from './s3.file-store.js';

/**
 * The S3 adapter against a real S3-compatible server (s3rver, in this
 * process, storing under a temporary folder): the same contract as the
 * local-disk adapter, over HTTP with the AWS SDK, never a mock.
 */
const directory = mkdtempSync(join(tmpdir(), 'smedx-s3rver-'));
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: [{ name: 'smedx-test', configs: [] }],
});
let store: S3FileStore | undefined;

afterAll(async () => {
  store?.destroy();
  await server.close();
  rmSync(directory, { recursive: true, force: true });
});

describeFileStoreContract('S3 (s3rver)', async () => {
  const { address, port } = await server.run();
  store = new S3FileStore({
    endpoint: `http://${address}:${port}`,
    bucket: 'smedx-test',
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  });
  return store;
});
