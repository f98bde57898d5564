import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { BlobIntegrityError, BlobNotFoundError } from './file-store.port.js';
import type { FileStore } from './file-store.port.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A stream of `total` pseudo-random bytes produced chunk by chunk, never held whole. */
function generated(total: number, seed: number): { stream: Readable; digest: Promise<string> } {
  const hash = createHash('sha256');
  let left = total;
  let state = seed;
  let resolve!: (d: string) => void;
  const digest = new Promise<string>((r) => (resolve = r));
  const stream = new Readable({
    read() {
      if (left === 0) {
        resolve(hash.digest('hex'));
        this.push(null);
        return;
      }
      const n = Math.min(64 * 1024, left);
      const chunk = Buffer.alloc(n);
      for (let i = 0; i < n; i++) {
        state = (state * 1103515245 + 12345) >>> 0;
        chunk[i] = state >>> 24;
      }
      left -= n;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, digest };
}

/**
 * The behaviour every {@link FileStore} adapter must show, run by each
 * adapter's spec against a fresh store: `describeFileStoreContract('x', make)`.
 */
export function describeFileStoreContract(name: string, make: () => Promise<FileStore>): void {
  describe(`FileStore contract: ${name}`, () => {
    let store: FileStore;
    beforeAll(async () => {
      store = await make();
    });

    it('keeps bytes under their SHA-256 and gives them back', async () => {
      const bytes = randomBytes(70_000);
      const stored = await store.put(Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]));
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length, created: true });
      expect(await store.stat(stored.sha256)).toEqual({ size: bytes.length });
      expect((await readAll(await store.open(stored.sha256))).equals(bytes)).toBe(true);
    });

    it('stores the same bytes once, also when two uploads run at the same time', async () => {
      const bytes = randomBytes(20_000);
      const [a, b] = await Promise.all([store.put(Readable.from([bytes])), store.put(Readable.from([bytes]))]);
      expect(a.sha256).toBe(sha(bytes));
      expect(b.sha256).toBe(a.sha256);
      const again = await store.put(Readable.from([bytes]));
      expect(again.created).toBe(false);
      expect((await readAll(await store.open(a.sha256))).equals(bytes)).toBe(true);
    });

    it('streams a file larger than one upload part (12 MB) in and out', async () => {
      const { stream, digest } = generated(12 * 1024 * 1024 + 17, 7);
      const stored = await store.put(stream);
      expect(stored.sha256).toBe(await digest);
      expect(stored.size).toBe(12 * 1024 * 1024 + 17);
      const back = createHash('sha256');
      let size = 0;
      for await (const chunk of await store.open(stored.sha256)) {
        back.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
      expect(size).toBe(stored.size);
      expect(back.digest('hex')).toBe(stored.sha256);
    });

    it('refuses bytes that do not match the expected hash, storing nothing', async () => {
      const bytes = randomBytes(5000);
      const claimed = sha(Buffer.from('something else'));
      await expect(store.put(Readable.from([bytes]), claimed)).rejects.toBeInstanceOf(BlobIntegrityError);
      expect(await store.stat(sha(bytes))).toBeNull();
      expect(await store.stat(claimed)).toBeNull();
    });

    it('leaves nothing behind when the upload stream fails midway', async () => {
      const head = randomBytes(3000);
      const failing = new Readable({
        read() {
          this.push(head);
          this.destroy(new Error('client went away'));
        },
      });
      await expect(store.put(failing)).rejects.toThrow();
      expect(await store.stat(sha(head))).toBeNull();
    });

    it('reports absent blobs and deletes present ones', async () => {
      const missing = sha(Buffer.from('never stored'));
      expect(await store.stat(missing)).toBeNull();
      await expect(store.open(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(store.open('../../etc/passwd')).rejects.toBeInstanceOf(BlobNotFoundError);
      const bytes = randomBytes(100);
      const stored = await store.put(Readable.from([bytes]));
      await store.delete(stored.sha256);
      expect(await store.stat(stored.sha256)).toBeNull();
      await store.delete(stored.sha256);
    });
  });
}
