import { useQuery } from '@tanstack/react-query';
import { Empty, Table, Typography } from 'antd';
import { documents } from '../../api/documents';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';

/** What changed since the last decided version: text insertions and deletions, changed cells. */
export function DiffView({ id }: { id: string }) {
  const diff = useQuery({ queryKey: ['documents', 'diff', id], queryFn: () => documents.diff(id) });
  if (diff.error) return <ErrorAlert error={diff.error} />;
  if (!diff.data) return null;
  const { sections, cells, from, to } = diff.data;
  if (sections.length === 0 && cells.length === 0) return <Empty description={`第 ${from} 版与第 ${to} 版没有差异`} />;
  return (
    <>
      <Typography.Paragraph>
        第 {from} 版 → 第 {to} 版
      </Typography.Paragraph>
      {sections.map((section) => (
        <section key={section.key}>
          <h3 style={{ fontSize: 15 }}>{section.label}</h3>
          <p>
            {section.ops.map((op, index) =>
              op.op === 'insert' ? (
                <ins key={index} style={{ background: '#d9f7be' }}>{op.text}</ins>
              ) : op.op === 'delete' ? (
                <del key={index} style={{ background: '#ffccc7' }}>{op.text}</del>
              ) : (
                <span key={index}>{op.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
      {cells.length > 0 && (
        <Table
          size="small"
          rowKey="pointer"
          pagination={false}
          dataSource={cells}
          columns={[
            { title: '表', dataIndex: 'table' },
            { title: '行', dataIndex: 'row' },
            { title: '列', dataIndex: 'column' },
            { title: '原值', dataIndex: 'from', render: formatNumber },
            { title: '新值', dataIndex: 'to', render: formatNumber },
          ]}
        />
      )}
    </>
  );
}
