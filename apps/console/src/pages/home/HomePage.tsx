import { Card, Col, Row } from 'antd';
import { Link } from 'react-router';
import { NoticeList } from '../../notices/NoticeList';
import { TASK_ROLES, hasRole, useMe } from '../../session/use-me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { TaskCounts } from '../tasks/TaskCounts';
import { TaskList } from '../tasks/TaskList';
import { useTasks } from '../tasks/use-tasks';
import { DocumentsCard } from './DocumentsCard';

/** 工作台: my tasks, my drafts, recently published, notices. */
export default function HomePage() {
  const me = useMe().data;
  const withTasks = hasRole(me, ...TASK_ROLES);
  const { tasks, counts } = useTasks(withTasks);
  return (
    <>
      <h1 style={{ fontSize: 20 }}>工作台</h1>
      <Row gutter={[16, 16]}>
        {withTasks && (
          <Col xs={24} lg={14}>
            <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>我的待办</h2>} extra={<Link to="/tasks">全部待办</Link>}>
              <TaskCounts counts={counts.data} />
              <ErrorAlert error={tasks.error} />
              <TaskList tasks={(tasks.data?.items ?? []).slice(0, 8)} loading={tasks.isPending} />
            </Card>
          </Col>
        )}
        {hasRole(me, 'drafter') && (
          <Col xs={24} lg={withTasks ? 10 : 12}>
            <DocumentsCard title="我的草稿" query={{ status: 'draft', limit: '10' }} mine />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <DocumentsCard title="最近发布" query={{ status: 'published', limit: '8' }} />
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>通知</h2>}>
            <NoticeList />
          </Card>
        </Col>
      </Row>
    </>
  );
}
