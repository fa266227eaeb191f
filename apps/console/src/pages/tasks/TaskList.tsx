import { Checkbox, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { TaskItem } from '../../api/types';
import { TASK_KIND_LABELS } from '../../session/labels';
import { PlainList } from '../../ui/PlainList';
import { formatDateTime } from '../../ui/format';
import { TAG } from '../../ui/tag-colors';

interface Props {
  tasks: TaskItem[];
  loading: boolean;
  /** With selection (batch approval): the selected document ids. */
  selected?: string[];
  onSelect?: (ids: string[]) => void;
}

/** 待办: one line per task, due date and overdue mark; a list that also fits a phone. */
export function TaskList({ tasks, loading, selected, onSelect }: Props) {
  const toggle = (id: string, on: boolean) => onSelect?.(on ? [...(selected ?? []), id] : (selected ?? []).filter((other) => other !== id));
  return (
    <PlainList
      items={tasks}
      loading={loading}
      empty="暂无待办任务"
      testId="task"
      itemKey={(task) => `${task.kind}-${task.documentId}-${task.level ?? ''}`}
      render={(task) => (
        <>
          <div>
            <div className="plain-list-title">
              <Link to={`/documents/${task.documentId}`}>{task.title}</Link>
            </div>
            <Space wrap size={[8, 4]}>
              <Tag color={TAG.info}>{TASK_KIND_LABELS[task.kind]}</Tag>
              {task.overdue && <Tag color={TAG.danger}>已超期</Tag>}
              {task.onBehalfOf && <Tag>代 {task.onBehalfOf.displayName}</Tag>}
              <Typography.Text>
                {task.departmentName} · {task.authorName}
              </Typography.Text>
              <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>办理期限：{formatDateTime(task.dueAt)}</Typography.Text>
              {task.note && <Typography.Text type="secondary">{task.note}</Typography.Text>}
            </Space>
          </div>
          {onSelect && task.kind === 'review' && (
            <Checkbox aria-label={`选择：${task.title}`} checked={selected?.includes(task.documentId)} onChange={(event) => toggle(task.documentId, event.target.checked)} />
          )}
        </>
      )}
    />
  );
}
