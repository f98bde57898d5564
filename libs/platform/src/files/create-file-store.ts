import type { AppConfig } from '../config/config.schema.js';
import type { FileStore } from './file-store.port.js';
import { LocalFileStore } from './local.file-store.js';
import { S3FileStore } from './s3.file-store.js';

/** The file store the configuration names: S3-compatible when `S3_ENDPOINT` is set, else local disk. */
export async function createFileStore(config: AppConfig): Promise<FileStore> {
  const store = config.files.store;
  switch (store.kind) {
    case 's3':
      return new S3FileStore(store);
    case 'local': {
      const local = new LocalFileStore(store.root);
      await local.init();
      return local;
    }
  }
}
