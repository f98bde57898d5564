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

  // Text typed into the server's page before the app hydrated it is in the field, not in the state:
  // taken over once, so the suggestions come for it as for text typed later. The list did not see
  // that typing, so it is held open for them until the next keystroke, choice or blur.
  const box = useRef<HTMLSpanElement>(null);
  const [adopted, setAdopted] = useState(false);
  useEffect(() => {
    const input = box.current?.querySelector('input');
    const typed = input?.value ?? '';
    if (typed && typed !== value) {
      setValue(typed);
      ask(typed);
      setAdopted(document.activeElement === input);
    }
  }, []);

  return (
    <span ref={box} style={{ display: 'contents' }}>
      <AutoComplete
        value={value}
        options={options}
        open={adopted ? options.length > 0 : undefined}
        onBlur={() => setAdopted(false)}
        style={{ width: 420, maxWidth: '100%' }}
        onChange={(v: string) => {
          setAdopted(false);
          setValue(v);
          ask(v);
        }}
        onSelect={(v: string) => {
          setAdopted(false);
          onSearch(v.trim());
        }}
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
    </span>
  );
}
