import { Space, Statistic } from 'antd';
import type { TaskCounts as Counts } from '../../api/types';

export function TaskCounts({ counts }: { counts: Counts | undefined }) {
  return (
    <Space size="large" wrap>
      <Statistic title="待办总数" value={counts?.total ?? 0} />
      <Statistic title="已超期" value={counts?.overdue ?? 0} styles={{ content: { color: counts?.overdue ? '#b3261e' : undefined } }} />
    </Space>
  );
}
