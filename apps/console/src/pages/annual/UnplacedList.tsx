import { tablesOf } from '@sanshen/annual-report';
import type { FormatId } from '@sanshen/annual-report';
import { Alert, List } from 'antd';

export interface Unplaced {
  line: number;
  text: string;
  reason: string;
}

/** What the import could not place in a cell: for the drafter to place by hand. */
export function UnplacedList({ items, rows, format }: { items: Unplaced[]; rows: Record<string, string[]>; format: FormatId }) {
  const labels = new Map(tablesOf(format).flatMap((table) => table.rows.map((row) => [row.pointer, `${table.title}${row.label}`])));
  const rowItems = Object.entries(rows).map(([pointer, values]) => ({ line: 0, text: `${labels.get(pointer) ?? pointer}：${values.join('、')}`, reason: '该行各列无法区分，请手工填入' }));
  const all = [...items, ...rowItems];
  if (all.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={`导入时有 ${all.length} 处内容未能放入表格，请手工核对填写`}
      description={<List size="small" dataSource={all} renderItem={(item) => <List.Item>{item.line > 0 ? `第 ${item.line} 行：` : ''}{item.text}（{item.reason}）</List.Item>} />}
      style={{ marginBottom: 12 }}
      data-testid="unplaced"
    />
  );
}
