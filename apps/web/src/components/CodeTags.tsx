import { Tag } from 'antd';
import type { Taxonomies } from '../api';
import { useTaxonomy } from '../taxonomy';

/** Codes of one taxonomy as tags with their Chinese names; `max` folds the rest into "+N". */
export function CodeTags({
  list,
  codes,
  color,
  max,
}: {
  list: keyof Taxonomies;
  codes: readonly string[] | undefined;
  color?: string;
  max?: number;
}) {
  const taxonomy = useTaxonomy();
  const all = codes ?? [];
  const shown = max ? all.slice(0, max) : all;
  return (
    <>
      {shown.map((code) => (
        <Tag key={code} color={color} style={{ marginBottom: 4 }}>
          {taxonomy.name(list, code)}
        </Tag>
      ))}
      {all.length > shown.length && <Tag style={{ marginBottom: 4 }}>+{all.length - shown.length}</Tag>}
    </>
  );
}
