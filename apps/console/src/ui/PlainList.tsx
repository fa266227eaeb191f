import type { ReactNode } from 'react';
import './plain-list.css';

interface Props<T> {
  items: T[];
  loading: boolean;
  empty: string;
  itemKey: (item: T) => string;
  render: (item: T) => ReactNode;
  testId?: string;
}

/** A light list for the first pages people open (task list, notices): no pagination machinery. */
export function PlainList<T>({ items, loading, empty, itemKey, render, testId }: Props<T>) {
  if (loading) return <p aria-busy="true">加载中…</p>;
  if (items.length === 0) return <p className="plain-list-empty">{empty}</p>;
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={itemKey(item)} data-testid={testId}>
          {render(item)}
        </li>
      ))}
    </ul>
  );
}
