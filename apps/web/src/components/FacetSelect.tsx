import { Select } from 'antd';

/** A multi-select filter whose options carry the facet count of the current result. */
export function FacetSelect({
  placeholder,
  options,
  counts,
  value,
  onChange,
  single = false,
  testId,
}: {
  placeholder: string;
  options: { value: string; label: string }[];
  counts: Record<string, number> | undefined;
  value: string[];
  onChange: (value: string[]) => void;
  single?: boolean;
  testId?: string;
}) {
  const withCounts = options.map((o) => ({
    value: o.value,
    label: counts ? `${o.label}（${counts[o.value] ?? 0}）` : o.label,
  }));
  return (
    <Select
      aria-label={placeholder}
      data-testid={testId}
      style={{ width: '100%' }}
      mode={single ? undefined : 'multiple'}
      allowClear
      // A fixed count, not "responsive": that one measures the box in the browser before it shows
      // any choice, so a page rendered on the server would show the filter empty.
      maxTagCount={2}
      placeholder={placeholder}
      options={withCounts}
      value={single ? value[0] : value}
      onChange={(v: string | string[] | undefined) => onChange(v === undefined ? [] : Array.isArray(v) ? v : [v])}
      optionFilterProp="label"
    />
  );
}
