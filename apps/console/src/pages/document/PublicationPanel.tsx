import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Input, Popconfirm, Space, Table } from 'antd';
import { useState } from 'react';
import type { DocumentView } from '../../api/types';
import { ApiError } from '../../api/http';
import { publication } from '../../api/workflow';
import { hasRole, useMe } from '../../session/use-me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { useAction } from './use-action';

const OUTCOMES = { succeeded: '成功', retrying: '失败，将重试', failed: '失败' } as const;
const STATES = { scheduled: '已定时', publishing: '发布中', published: '已发布', publish_failed: '发布失败', retracted: '已撤稿' } as const;

/** 发布: state, attempts, the receipt's portal link; retry, retract (request, authorize), correction. */
export function PublicationPanel({ doc }: { doc: DocumentView }) {
  const me = useMe().data;
  const view = useQuery({ queryKey: ['documents', 'publication', doc.id], queryFn: () => publication.get(doc.id), refetchInterval: (query) => (query.state.data?.receipt ? false : 3000) });
  const [reason, setReason] = useState('');
  const retry = useAction(() => publication.retry(doc.id), '已重新发布');
  const retract = useAction(() => publication.retract(doc.id, reason), '撤稿申请已提交');
  const authorize = useAction(() => publication.authorizeRetraction(doc.id), '已授权撤稿');
  const correct = useAction(() => publication.correction(doc.id, reason), '已开始更正');
  const p = view.data;
  const publisher = hasRole(me, 'publisher');
  // Cleared a moment ago: the publication is being created.
  const notYet = view.error instanceof ApiError && view.error.code === 'PUBLICATION.NOT_FOUND';
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>发布</h2>}>
      {notYet ? <p>保密审查已通过，正在准备发布。</p> : <ErrorAlert error={view.error ?? retry.error ?? retract.error ?? authorize.error ?? correct.error} />}
      {p && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="发布状态">{STATES[p.state]}</Descriptions.Item>
          <Descriptions.Item label="定时发布">{formatDateTime(p.scheduledAt)}</Descriptions.Item>
          <Descriptions.Item label="门户页面">
            {p.receipt ? (
              <a href={p.receipt.url} target="_blank" rel="noreferrer" data-testid="portal-link">
                {p.receipt.url}
              </a>
            ) : (
              '尚未发布'
            )}
          </Descriptions.Item>
          {p.retraction && (
            <Descriptions.Item label="撤稿">
              {p.retraction.reason}（{p.retraction.authorizedBy ? '已授权' : '待主要领导授权'}）
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {p && p.attempts.length > 0 && (
        <Table
          size="small"
          rowKey={(row) => String(row.attempt)}
          pagination={false}
          dataSource={p.attempts}
          columns={[
            { title: '次数', dataIndex: 'attempt' },
            { title: '时间', dataIndex: 'at', render: formatDateTime },
            { title: '结果', dataIndex: 'outcome', render: (outcome: keyof typeof OUTCOMES) => OUTCOMES[outcome] },
            { title: '错误', dataIndex: 'error' },
          ]}
          style={{ marginTop: 12 }}
        />
      )}
      <Space wrap style={{ marginTop: 12 }}>
        {publisher && p?.state === 'publish_failed' && <Button onClick={() => retry.mutate(undefined)}>重新发布</Button>}
        {(publisher || hasRole(me, 'drafter')) && p?.state === 'published' && (
          <Input aria-label="撤稿或更正原因" placeholder="撤稿或更正原因" value={reason} onChange={(event) => setReason(event.target.value)} style={{ width: 220 }} />
        )}
        {publisher && p?.state === 'published' && (
          <Popconfirm title="确定申请撤稿？须经主要领导授权后从门户撤下。" okText="申请撤稿" cancelText="取消" onConfirm={() => retract.mutate(undefined)} disabled={!reason}>
            <Button danger disabled={!reason}>
              申请撤稿
            </Button>
          </Popconfirm>
        )}
        {hasRole(me, 'principal') && p?.retraction && !p.retraction.authorizedBy && (
          <Popconfirm title={`确定授权撤稿？门户页面将撤下并显示撤稿说明：${p.retraction.reason}`} okText="授权撤稿" cancelText="取消" onConfirm={() => authorize.mutate(undefined)}>
            <Button danger>授权撤稿</Button>
          </Popconfirm>
        )}
        {hasRole(me, 'drafter') && p?.state === 'published' && <Button onClick={() => correct.mutate(undefined)}>更正</Button>}
      </Space>
    </Card>
  );
}
