import { Button, Card, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { documents } from '../../api/documents';
import type { DocumentView } from '../../api/types';
import { useMe } from '../../session/use-me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from './use-action';

/** The author's actions: edit, discard a draft, withdraw before the first signature. */
export function DraftActions({ doc }: { doc: DocumentView }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const withdraw = useAction(() => documents.withdraw(doc.id, doc.version), '已撤回，可继续修改');
  const discard = useAction(() => documents.discard(doc.id, doc.version, reason), '草稿已删除', () => void navigate('/'));
  if (me?.userId !== doc.authorId) return null;
  return (
    <Card size="small">
      <ErrorAlert error={withdraw.error ?? discard.error} />
      {doc.status === 'draft' ? (
        <Space wrap>
          <Link to={`/documents/${doc.id}/edit`}>
            <Button type="primary">编辑</Button>
          </Link>
          <Input aria-label="删除原因" placeholder="删除原因" value={reason} onChange={(event) => setReason(event.target.value)} style={{ width: 200 }} />
          <Popconfirm title="确定删除此草稿？删除后不可恢复。" okText="删除" cancelText="取消" onConfirm={() => discard.mutate(undefined)} disabled={!reason}>
            <Button danger disabled={!reason}>
              删除草稿
            </Button>
          </Popconfirm>
        </Space>
      ) : (
        <Button onClick={() => withdraw.mutate(undefined)} loading={withdraw.isPending}>
          撤回（尚无人签批）
        </Button>
      )}
    </Card>
  );
}
