import { SearchOutlined } from '@ant-design/icons';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api';

/**
 * The portal home's search box: a native search field whose completions (`GET /search/suggest`:
 * lexicon words and solution titles, asked 150 ms after typing stops) come through a `<datalist>` —
 * what phones and desktop browsers show as suggestions, without loading a select component on the
 * first screen.
 */
export function PortalSearchBox({ placeholder, onSearch }: { placeholder: string; onSearch: (q: string) => void }) {
  const [value, setValue] = useState('');
  const [options, setOptions] = useState<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = useId();
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const ask = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    const q = text.trim();
    if (!q) return setOptions([]);
    timer.current = setTimeout(() => {
      api.get('/search/suggest', { q }).then(
        (res) => setOptions(res.items.map((s) => s.text)),
        () => setOptions([]),
      );
    }, 150);
  };
  // Text typed into the server's page before the app hydrated it is in the field, not in the state:
  // taken over once, so the suggestions come for it as for text typed later.
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const typed = field.current?.value ?? '';
    if (typed) {
      setValue(typed);
      ask(typed);
    }
  }, []);
  return (
    // A plain form too (action, name): sent as it is when the page has not become live yet (a
    // server-rendered page loads the app at the first interaction), it opens the same search.
    <form
      role="search"
      className="portal-search"
      action="/solutions"
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        // The field's own text: typed before the page hydrated, it is not in the state yet.
        onSearch(String(new FormData(e.currentTarget).get('q') ?? value).trim());
      }}
    >
      <input
        type="search"
        name="q"
        ref={field}
        aria-label="搜索解决方案"
        placeholder={placeholder}
        value={value}
        list={listId}
        enterKeyHint="search"
        data-testid="portal-search"
        onChange={(e) => {
          setValue(e.target.value);
          ask(e.target.value);
        }}
      />
      <datalist id={listId} data-testid="portal-suggestions">
        {options.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <button type="submit">
        <SearchOutlined aria-hidden /> 搜索
      </button>
    </form>
  );
}
