import { InputNumber } from 'antd';
import type { CSSProperties } from 'react';
import { useEffect, useState } from 'react';

/** A number filter that applies on Enter or when it loses focus, not on every keystroke. */
export function NumberFilter({
  value,
  onCommit,
  placeholder,
  min,
  max,
  style,
}: {
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
  placeholder?: string;
  min?: number;
  max?: number;
  style?: CSSProperties;
}) {
  const [draft, setDraft] = useState<number | null>(value ?? null);
  useEffect(() => setDraft(value ?? null), [value]);
  const commit = () => {
    if ((draft ?? undefined) !== value) onCommit(draft ?? undefined);
  };
  return (
    <InputNumber
      style={{ width: '100%', ...style }}
      min={min}
      max={max}
      placeholder={placeholder}
      value={draft}
      onChange={(v) => setDraft(typeof v === 'number' ? v : null)}
      onBlur={commit}
      onPressEnter={commit}
    />
  );
}
