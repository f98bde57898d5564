import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { link, mkdir, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertSha256, BlobIntegrityError, BlobNotFoundError } from './file-store.port.js';
import type { FileStore, StoredBlob } from './file-store.port.js';

/** A pass-through that hashes and counts what flows through it. */
export class HashingCounter extends Transform {
  private readonly hash = createHash('sha256');
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/**
 * Blobs as files under `root` (`SMEDX_DATA_DIR/files`), fanned out by the
 * first two bytes of the hash (`ab/cd/abcd…`). A `put` writes to a temporary
 * file in `root/.tmp` and then hard-links it into place: the link is atomic
 * and fails when the blob exists, so concurrent uploads of the same bytes
 * store one file and a crash mid-upload leaves only a temporary file, swept at
 * start-up.
 */
export class LocalFileStore implements FileStore {
  readonly kind = 'local' as const;
  private readonly tmp: string;

  constructor(private readonly root: string) {
    this.tmp = join(root, '.tmp');
  }

  /** Creates the folders and removes temporary files a crashed process left. */
  async init(): Promise<void> {
    await mkdir(this.tmp, { recursive: true });
    for (const name of await readdir(this.tmp)) await rm(join(this.tmp, name), { force: true });
  }

  async put(body: Readable, expectedSha256?: string): Promise<StoredBlob> {
    await mkdir(this.tmp, { recursive: true });
    const temp = join(this.tmp, randomUUID());
    try {
      const counter = new HashingCounter();
      await pipeline(body, counter, createWriteStream(temp, { flags: 'wx' }));
      const sha256 = counter.digest();
      if (expectedSha256 && expectedSha256 !== sha256) throw new BlobIntegrityError(expectedSha256, sha256);
      const target = this.path(sha256);
      await mkdir(join(target, '..'), { recursive: true });
      let created = true;
      try {
        await link(temp, target);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        created = false;
      }
      return { sha256, size: counter.bytes, created };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }

  async open(sha256: string): Promise<Readable> {
    assertSha256(sha256);
    const path = this.path(sha256);
    if (!(await this.stat(sha256))) throw new BlobNotFoundError(sha256);
    return createReadStream(path);
  }

  async stat(sha256: string): Promise<{ size: number } | null> {
    assertSha256(sha256);
    try {
      return { size: (await stat(this.path(sha256))).size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(sha256: string): Promise<void> {
    assertSha256(sha256);
    await rm(this.path(sha256), { force: true });
  }

  private path(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
