/**
 * `Content-Disposition` for a stored name (already sanitised): an ASCII
 * fallback and the UTF-8 name (RFC 6266 / RFC 5987), so Chinese names arrive
 * intact in every browser.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
