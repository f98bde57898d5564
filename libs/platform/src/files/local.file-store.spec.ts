import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeFileStoreContract } from './file-store.contract.js';
import { LocalFileStore } from './local.file-store.js';

const root = mkdtempSync(join(tmpdir(), 'smedx-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeFileStoreContract('local disk', async () => {
  const store = new LocalFileStore(root);
  await store.init();
  return store;
});

describe('LocalFileStore', () => {
  it('leaves no temporary file after uploads, failed or not', () => {
    expect(readdirSync(join(root, '.tmp'))).toEqual([]);
  });
});
