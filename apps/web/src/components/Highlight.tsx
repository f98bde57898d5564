import type { Hit } from '../api';

/**
 * A field of a search hit, with the server's `<em>` marks when it sent any. Only
 * `_highlight` values are rendered as HTML: the server escapes them; everything
 * else goes through React's own escaping.
 */
export function Highlight<T>({ hit, field, text }: { hit: Hit<T>; field: string; text: string | undefined }) {
  const marked = hit._highlight?.[field];
  if (marked) return <span className="hl" dangerouslySetInnerHTML={{ __html: marked }} />;
  return <span>{text ?? ''}</span>;
}
