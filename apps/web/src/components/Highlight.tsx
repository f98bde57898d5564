import { highlightOf } from '../search';

/**
 * A field of a search hit, with the server's `<em>` marks when it sent any. Only
 * `_highlight` values are rendered as HTML: the server escapes them; everything
 * else goes through React's own escaping.
 */
export function Highlight({ hit, field, text }: { hit: object; field: string; text: string | undefined }) {
  const marked = highlightOf(hit, field);
  if (marked) return <span className="hl" dangerouslySetInnerHTML={{ __html: marked }} />;
  return <span>{text ?? ''}</span>;
}
