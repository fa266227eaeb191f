import { List, Tag } from 'antd';
import type { ReactNode } from 'react';
import { TAG } from './tag-colors';

interface Props<T> {
  items: T[];
  empty: string;
  testId: string;
  /** The tag of an item: its label and whether it blocks. */
  tag: (item: T) => { label: string; blocking: boolean };
  render: (item: T) => ReactNode;
}

/** Findings of a check (annual-report rules, content checks), each tagged by how much it matters. */
export function FindingList<T>({ items, empty, testId, tag, render }: Props<T>) {
  return (
    <List
      size="small"
      data-testid={testId}
      locale={{ emptyText: empty }}
      dataSource={items}
      renderItem={(item) => {
        const { label, blocking } = tag(item);
        return (
          <List.Item>
            <div>
              <Tag color={blocking ? TAG.danger : TAG.warning}>{label}</Tag>
              {render(item)}
            </div>
          </List.Item>
        );
      }}
    />
  );
}
