import { Button, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SecrecyFindingView } from '../../api/types';
import { secrecy } from '../../api/workflow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TAG } from '../../ui/tag-colors';
import { useAction } from './use-action';

const DISPOSITIONS = { ignored: '本次忽略', whitelisted: '加入词库例外', fixed: '已修改' } as const;

function Disposer({ documentId, finding }: { documentId: string; finding: SecrecyFindingView }) {
  const [disposition, setDisposition] = useState<'ignored' | 'whitelisted'>('ignored');
  const [reason, setReason] = useState('');
  const dispose = useAction(() => secrecy.dispose(documentId, finding.id, { disposition, reason }), '已处置');
  return (
    <Space wrap>
      <ErrorAlert error={dispose.error} />
      <Select aria-label="处置方式" value={disposition} onChange={setDisposition} style={{ width: 150 }} options={[{ value: 'ignored', label: '本次忽略' }, { value: 'whitelisted', label: '加入词库例外' }]} />
      <Input aria-label="处置理由" placeholder="处置理由" value={reason} onChange={(event) => setReason(event.target.value)} style={{ width: 200 }} />
      <Button disabled={!reason} onClick={() => dispose.mutate(undefined)} loading={dispose.isPending}>
        处置
      </Button>
    </Space>
  );
}

/** The scan's findings, each with its disposition or the form to dispose of it. */
export function SecrecyFindings({ documentId, findings }: { documentId: string; findings: SecrecyFindingView[] }) {
  return (
    <List
      size="small"
      locale={{ emptyText: '未发现敏感内容' }}
      dataSource={findings}
      renderItem={(finding) => (
        <List.Item>
          <Space orientation="vertical">
            <Space wrap>
              <Tag color={finding.severity === 'blocking' ? TAG.danger : TAG.warning}>{finding.severity === 'blocking' ? '阻断' : '提示'}</Tag>
              <Typography.Text>
                {finding.message}：“{finding.matched}”{finding.suggestion ? `（建议：${finding.suggestion}）` : ''}
              </Typography.Text>
            </Space>
            {finding.disposition ? (
              <Typography.Text type="secondary">
                已处置：{DISPOSITIONS[finding.disposition.disposition]}（{finding.disposition.byName}：{finding.disposition.reason}）
              </Typography.Text>
            ) : (
              <Disposer documentId={documentId} finding={finding} />
            )}
          </Space>
        </List.Item>
      )}
    />
  );
}
