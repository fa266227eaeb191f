import { Empty, Timeline } from 'antd';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { useApprovalSheet } from './use-sheet';

const DECISIONS = { approved: '同意', returned: '退回起草人', returned_previous: '驳回上一级' } as const;

/** Earlier opinions: every decision on this version and the returns of earlier versions. */
export function OpinionsList({ id }: { id: string }) {
  const sheet = useApprovalSheet(id);
  if (sheet.error) return <ErrorAlert error={sheet.error} />;
  const entries = [...(sheet.data?.earlierReturns ?? []), ...(sheet.data?.history ?? [])];
  if (entries.length === 0) return <Empty description="暂无审核意见" />;
  return (
    <Timeline
      items={entries.map((entry) => ({
        key: `${entry.level}-${entry.signedAt}`,
        content: `${formatDateTime(entry.signedAt)} ${entry.label}：${entry.signedAs} ${DECISIONS[entry.decision]}${entry.opinion ? `，意见：${entry.opinion}` : ''}`,
      }))}
    />
  );
}
