import type { Readable } from 'node:stream';

/** Injection token of the {@link FileStore}. */
export const FILE_STORE = Symbol('FILE_STORE');

/** What {@link FileStore.put} stored. */
export interface StoredBlob {
  /** Lower-case hex SHA-256 of the bytes: the blob's key. */
  sha256: string;
  size: number;
  /** False when the store already held these bytes (the upload was not written twice). */
  created: boolean;
}

/**
 * Where the bytes of uploaded documents live, addressed by their SHA-256.
 * Chosen by configuration: the S3-compatible adapter when `S3_ENDPOINT` and
 * `S3_BUCKET` are set (MinIO, Aliyun OSS, Tencent COS, AWS), otherwise the
 * local-disk adapter under `SMEDX_DATA_DIR/files` (inside the data directory,
 * so a backup of it holds the documents too).
 *
 * Every method streams: no blob is ever held whole in memory. A failed `put`
 * leaves nothing behind under the blob's key, and two concurrent `put`s of the
 * same bytes store them once.
 */
export interface FileStore {
  readonly kind: 'local' | 's3';
  /**
   * Streams `body` into the store, hashing it on the way, and keeps it under
   * its SHA-256. When `expectedSha256` is given and the bytes differ, nothing
   * is stored and {@link BlobIntegrityError} is thrown.
   */
  put(body: Readable, expectedSha256?: string): Promise<StoredBlob>;
  /** The blob's bytes as a stream; {@link BlobNotFoundError} when absent. */
  open(sha256: string): Promise<Readable>;
  /** The blob's size, or null when the store does not hold it. */
  stat(sha256: string): Promise<{ size: number } | null>;
  /** Removes the blob (retention ended); absent blobs are no error. */
  delete(sha256: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(public readonly sha256: string) {
    super(`no blob ${sha256} in the file store`);
    this.name = 'BlobNotFoundError';
  }
}

export class BlobIntegrityError extends Error {
  constructor(expected: string, actual: string) {
    super(`blob bytes hash to ${actual}, expected ${expected}`);
    this.name = 'BlobIntegrityError';
  }
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Keys come from our own hashing, but a malformed one must never reach a path or an object key. */
export function assertSha256(sha256: string): void {
  if (!SHA256_HEX.test(sha256)) throw new BlobNotFoundError(sha256);
}
