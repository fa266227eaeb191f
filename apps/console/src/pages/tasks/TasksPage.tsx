import { useMessage } from '../../ui/feedback';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { review } from '../../api/workflow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TaskCounts } from './TaskCounts';
import { TaskList } from './TaskList';
import { useTasks } from './use-tasks';

/** 待办任务 with 批量审批: each selected document is decided on its own, failures listed. */
export default function TasksPage() {
  const message = useMessage();
  const queryClient = useQueryClient();
  const { tasks, counts } = useTasks();
  const [selected, setSelected] = useState<string[]>([]);
  const [comment, setComment] = useState('同意');
  const batch = useMutation({
    mutationFn: () => {
      const items = (tasks.data?.items ?? []).filter((task) => selected.includes(task.documentId)).map(({ documentId, version }) => ({ documentId, version }));
      return review.batchApprove(items, comment);
    },
    onSuccess: ({ results }) => {
      const failed = results.filter((result) => !result.ok);
      if (failed.length === 0) void message.success(`已批量审批 ${results.length} 件`);
      else void message.warning(`${results.length - failed.length} 件已审批，${failed.length} 件未通过：${failed.map((f) => (f.ok ? '' : `${f.error.message}（${f.error.code}）`)).join('；')}`);
      setSelected([]);
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>待办任务</h1>} extra={<TaskCounts counts={counts.data} />}>
      <ErrorAlert error={tasks.error ?? batch.error} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Input aria-label="批量审批意见" value={comment} onChange={(event) => setComment(event.target.value)} style={{ width: 240 }} />
        <Button type="primary" disabled={selected.length === 0} loading={batch.isPending} onClick={() => batch.mutate()}>
          批量同意（{selected.length}）
        </Button>
      </Space>
      <TaskList tasks={tasks.data?.items ?? []} loading={tasks.isPending} selected={selected} onSelect={setSelected} />
    </Card>
  );
}
