import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { FileKind } from '@smedx/contracts';
import { extensionOf } from './file-names.js';

/** What the programme's reviews read: PDF, images, Office documents, and ZIP archives of those (`FILE_KINDS`). */
export type { FileKind } from '@smedx/contracts';

export interface DetectedType {
  mime: string;
  kind: FileKind;
}

/** Types taken, by the MIME type `file-type` reads from the bytes. */
export const ACCEPTED_TYPES: Readonly<Record<string, FileKind>> = Object.freeze({
  'application/pdf': 'pdf',
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'image/tiff': 'image',
  'image/bmp': 'image',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'office',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'office',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'office',
  'application/vnd.oasis.opendocument.text': 'office',
  'application/vnd.oasis.opendocument.spreadsheet': 'office',
  'application/vnd.oasis.opendocument.presentation': 'office',
  'application/zip': 'zip',
});

/**
 * Word, Excel and PowerPoint before 2007 (and WPS) are OLE compound files,
 * which installers (.msi) are too: taken only under an Office extension,
 * and served with the Office type, never as something executable.
 */
const LEGACY_OFFICE: Readonly<Record<string, string>> = Object.freeze({
  doc: 'application/msword',
  wps: 'application/msword',
  xls: 'application/vnd.ms-excel',
  et: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  dps: 'application/vnd.ms-powerpoint',
});

/** Chinese message of the 415, naming what is taken. */
export const UNSUPPORTED_TYPE_MESSAGE =
  '不支持的文件类型：仅接受 PDF、图片（JPG、PNG、GIF、WEBP、TIFF、BMP）、Office 文档（Word、Excel、PowerPoint、WPS）及仅含上述文件的 ZIP 压缩包';

/** An archive is inspected entry by entry; beyond these it is refused (zip bombs, archives of archives). */
const MAX_ZIP_ENTRIES = 500;
const MAX_ZIP_UNCOMPRESSED = 512 * 1024 * 1024;
/** Enough for `file-type` to read an Office document's `[Content_Types].xml`. */
const SNIFF_BYTES = 64 * 1024;

function accepted(mime: string | undefined, name: string, allowZip: boolean): DetectedType | null {
  if (!mime) return null;
  if (mime === 'application/x-cfb') {
    const legacy = LEGACY_OFFICE[extensionOf(name)];
    return legacy ? { mime: legacy, kind: 'office' } : null;
  }
  const kind = ACCEPTED_TYPES[mime];
  if (!kind || (kind === 'zip' && !allowZip)) return null;
  return { mime, kind };
}

/**
 * The type of the file at `path`, read from its bytes (the name counts only
 * to tell legacy Office from other OLE files), or null when it is not one the
 * programme takes. A ZIP is taken only when every entry is itself a PDF,
 * image or Office document by its bytes.
 */
export async function detectFileType(path: string, name: string): Promise<DetectedType | null> {
  const type = accepted((await fileTypeFromFile(path))?.mime, name, true);
  if (type?.kind !== 'zip') return type;
  return (await zipHoldsOnlyAccepted(path)) ? type : null;
}

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) =>
      error ? reject(error) : resolve(zip),
    ),
  );
}

/** The first bytes of an entry, read through its decompressing stream and then closed. */
function sniffEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let length = 0;
      const finish = () => {
        stream.destroy();
        resolve(Buffer.concat(chunks).subarray(0, SNIFF_BYTES));
      };
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
        if (length >= SNIFF_BYTES) finish();
      });
      stream.on('end', finish);
      stream.on('error', reject);
    });
  });
}

async function zipHoldsOnlyAccepted(path: string): Promise<boolean> {
  let zip: ZipFile;
  try {
    zip = await openZip(path);
  } catch {
    return false;
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    return false;
  }
  let total = 0;
  let files = 0;
  try {
    for (;;) {
      const entry = await new Promise<Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
        zip.readEntry();
      });
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (!entry) return files > 0;
      if (entry.fileName.endsWith('/')) continue;
      total += entry.uncompressedSize;
      if (total > MAX_ZIP_UNCOMPRESSED || entry.isEncrypted()) return false;
      const head = await sniffEntry(zip, entry);
      if (!accepted((await fileTypeFromBuffer(head))?.mime, entry.fileName, false)) return false;
      files += 1;
    }
  } catch {
    return false;
  } finally {
    zip.close();
  }
}
