import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { work } from '../../api/session';
import type { DelegateCandidate } from '../../api/types';

export const delegateLabel = (person: DelegateCandidate) => `${person.displayName}（${person.departmentName ?? '单位领导'}）`;

/** The delegates a reviewer may choose (本单位人员), searched by name or 科室 as they type. */
export function DelegatePicker({ id, value, onChange }: { id?: string; value?: string; onChange?: (userId: string) => void }) {
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const people = useQuery({ queryKey: ['delegates', q], queryFn: () => work.delegates(q), placeholderData: (previous) => previous });
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      onChange={onChange}
      loading={people.isFetching}
      placeholder="输入姓名或科室查找"
      notFoundContent={people.isFetching ? '查找中…' : '没有符合条件的人员'}
      options={(people.data?.items ?? []).map((person) => ({ value: person.id, label: delegateLabel(person) }))}
      style={{ minWidth: 260 }}
    />
  );
}
