/** Longest kept file name, in characters (file systems allow 255 bytes; Chinese takes 3 each). */
const MAX_NAME = 120;

/**
 * A file name safe to store and to send back in `Content-Disposition` and in
 * ZIP archives: the last path segment only (no `../`, no drive letters),
 * Unicode NFC, without control characters, bidi overrides or the characters
 * Windows forbids, no leading dots (hidden files), at most 120 characters with
 * the extension kept. Nothing left gives `文件`.
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (!cleaned) return '文件';
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return [...cleaned.slice(0, cleaned.length - ext.length)].slice(0, MAX_NAME - [...ext].length).join('') + ext;
}

/** The lower-case extension without its dot, or '' (for the legacy-Office check). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
