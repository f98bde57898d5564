import { Select } from 'antd';
import { useMemo } from 'react';
import type { ParticipantSide } from '../events';
import { useOrganisationSearch } from './useOrganisationSearch';
import type { OrganisationOption as Option } from './useOrganisationSearch';

/**
 * Picks organisations of one side (whom to meet): the event's approved participants
 * first, then what a search by name finds among all enterprises or approved providers.
 */
export function EventOrgSelect({
  side,
  known,
  value,
  onChange,
  id,
}: {
  side: ParticipantSide;
  /** Organisations already known by name (the event's participants, the current choice). */
  known: Option[];
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const { query, setQuery, found, loading } = useOrganisationSearch(side === 'enterprise' ? '/enterprises' : '/providers', {
    clearOnEmpty: true,
  });

  const options = useMemo(() => {
    const seen = new Set<string>();
    return [...known, ...found].filter((o) => !seen.has(o.value) && seen.add(o.value));
  }, [known, found]);

  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={loading}
      showSearch
      filterOption={(input, option) => (option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
      onSearch={setQuery}
      placeholder={side === 'enterprise' ? '选择或搜索希望洽谈的企业' : '选择或搜索希望洽谈的服务商'}
      notFoundContent={query ? '未找到' : '输入名称搜索'}
      style={{ width: '100%' }}
    />
  );
}
