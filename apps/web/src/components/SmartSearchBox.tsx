import { AutoComplete, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../api';

interface Props {
  defaultValue?: string;
  placeholder?: string;
  disabled?: boolean;
  onSearch: (value: string) => void;
  'data-testid'?: string;
}

/**
 * The search box with completions from `GET /search/suggest` (lexicon words
 * and solution titles), asked 150 ms after typing stops.
 */
export function SmartSearchBox({ defaultValue, placeholder, disabled, onSearch, ...rest }: Props) {
  const [value, setValue] = useState(defaultValue ?? '');
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const ask = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    const q = text.trim();
    if (!q) {
      setOptions([]);
      return;
    }
    timer.current = setTimeout(() => {
      api.get('/search/suggest', { q }).then(
        (res) => setOptions(res.items.map((s) => ({ value: s.text, label: s.kind === 'term' ? `🔍 ${s.text}` : s.text }))),
        () => setOptions([]),
      );
    }, 150);
  };

  return (
    <AutoComplete
      value={value}
      options={options}
      style={{ width: 420, maxWidth: '100%' }}
      onChange={(v: string) => {
        setValue(v);
        ask(v);
      }}
      onSelect={(v: string) => onSearch(v.trim())}
      disabled={disabled}
    >
      <Input.Search
        placeholder={placeholder}
        enterButton="搜索"
        allowClear
        onSearch={(v) => onSearch(v.trim())}
        data-testid={rest['data-testid']}
      />
    </AutoComplete>
  );
}
