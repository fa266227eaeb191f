import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { Link } from 'react-router';
import { documents } from '../../api/documents';
import { useMe } from '../../session/use-me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PlainList } from '../../ui/PlainList';
import { formatDateTime } from '../../ui/format';
import { StatusTag } from '../../ui/StatusTag';

/** A short list of documents: my drafts, or the recently published. */
export function DocumentsCard({ title, query, mine = false }: { title: string; query: Record<string, string>; mine?: boolean }) {
  const me = useMe().data;
  const list = useQuery({ queryKey: ['documents', query], queryFn: () => documents.list(query) });
  const items = (list.data?.items ?? []).filter((doc) => !mine || doc.authorId === me?.userId);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <ErrorAlert error={list.error} />
      <PlainList
        items={items}
        loading={list.isPending}
        empty="暂无"
        itemKey={(doc) => doc.id}
        render={(doc) => (
          <div>
            <div className="plain-list-title">
              <Link to={`/documents/${doc.id}`}>{doc.title}</Link>
            </div>
            <StatusTag status={doc.status} /> <Typography.Text type="secondary">更新于 {formatDateTime(doc.updatedAt)}</Typography.Text>
          </div>
        )}
      />
    </Card>
  );
}
