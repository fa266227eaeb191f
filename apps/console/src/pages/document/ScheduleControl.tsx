import { Button, Card, DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { DocumentView } from '../../api/types';
import { publication } from '../../api/workflow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import { useAction } from './use-action';

/** Statuses in which the version has not started publishing: a 定时发布 can still be set or moved. */
export const SCHEDULABLE = ['draft', 'pending_l1', 'pending_l2', 'pending_l3', 'pending_secrecy', 'approved'];

/** 定时发布: the principal (or a publisher, once they see it) sets when this version goes live after clearing. */
export function ScheduleControl({ doc }: { doc: DocumentView }) {
  const [at, setAt] = useState<Dayjs | null>(null);
  const [set, setSet] = useState<string | null>(null);
  const schedule = useAction(
    () => publication.schedule(doc.id, doc.version, at!.toISOString()).then((answer) => setSet((answer as { publishAt: string }).publishAt)),
    '已设置定时发布',
  );
  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>定时发布</h2>}>
      <ErrorAlert error={schedule.error} />
      <Space wrap>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          aria-label="定时发布时间"
          value={at}
          onChange={setAt}
          disabledDate={(day) => day.isBefore(dayjs(), 'day')}
        />
        <Button disabled={!at} loading={schedule.isPending} onClick={() => schedule.mutate(undefined)}>
          设定发布时间
        </Button>
        {set && <Typography.Text data-testid="scheduled-at">第 {doc.version} 版将于 {formatDateTime(set)} 发布（保密审查通过后）</Typography.Text>}
      </Space>
    </Card>
  );
}
