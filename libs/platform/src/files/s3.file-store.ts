import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertSha256, BlobIntegrityError, BlobNotFoundError } from './file-store.port.js';
import type { FileStore, StoredBlob } from './file-store.port.js';
import { HashingCounter } from './local.file-store.js';

export interface S3FileStoreOptions {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style addressing (`endpoint/bucket/key`): MinIO and most self-hosted servers need it. */
  forcePathStyle: boolean;
}

const isMissing = (error: unknown) =>
  error instanceof S3ServiceException &&
  (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');

/**
 * Blobs as objects of an S3-compatible bucket (MinIO, Aliyun OSS, Tencent COS
 * and AWS, by endpoint), under `blobs/ab/cd/<sha256>`. The hash is known only
 * once the bytes went through, so a `put` streams them to a temporary key
 * (multipart upload in 5 MB parts: memory stays bounded whatever the size),
 * then copies the object to its content key unless it is there already, and
 * always removes the temporary key. A failed upload is aborted by the SDK and
 * never reaches the content key.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly options: S3FileStoreOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    });
  }

  async put(body: Readable, expectedSha256?: string): Promise<StoredBlob> {
    const temp = `tmp/${randomUUID()}`;
    const counter = new HashingCounter();
    body.on('error', (error) => counter.destroy(error));
    try {
      await new Upload({
        client: this.client,
        params: { Bucket: this.options.bucket, Key: temp, Body: body.pipe(counter) },
        queueSize: 1,
      }).done();
      const sha256 = counter.digest();
      if (expectedSha256 && expectedSha256 !== sha256) throw new BlobIntegrityError(expectedSha256, sha256);
      const key = this.key(sha256);
      let created = false;
      if (!(await this.stat(sha256))) {
        await this.client.send(
          new CopyObjectCommand({ Bucket: this.options.bucket, Key: key, CopySource: `${this.options.bucket}/${temp}` }),
        );
        created = true;
      }
      return { sha256, size: counter.bytes, created };
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: temp })).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<Readable> {
    assertSha256(sha256);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(sha256);
      throw error;
    }
  }

  async stat(sha256: string): Promise<{ size: number } | null> {
    assertSha256(sha256);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    assertSha256(sha256);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.key(sha256) }));
  }

  /** Closes the HTTP agent (tests, shutdown). */
  destroy(): void {
    this.client.destroy();
  }

  private key(sha256: string): string {
    return `blobs/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }
}
