import { Alert, Card, Space, Tabs, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { hasRole, useMe } from '../../session/use-me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { StatusTag } from '../../ui/StatusTag';
import { DiffView } from './DiffView';
import { AttachmentList, attachmentsOf } from '../article/AttachmentList';
import { DocumentBody } from './DocumentBody';
import { DraftActions } from './DraftActions';
import { ExplainedFindings } from './ExplainedFindings';
import { OpinionsList } from './OpinionsList';
import { PublicationPanel } from './PublicationPanel';
import { ReviewActions } from './ReviewActions';
import { SCHEDULABLE, ScheduleControl } from './ScheduleControl';
import { SecrecyPanel } from './SecrecyPanel';
import { useDocument } from './use-document';

const IN_REVIEW = ['pending_l1', 'pending_l2', 'pending_l3'];
const AFTER_APPROVAL = ['approved', 'publishing', 'published', 'publish_failed', 'retracted'];

/** One document: as it will be published, and what the signed-in person may do with it now. */
export default function DocumentPage() {
  const { id = '' } = useParams();
  const me = useMe().data;
  const doc = useDocument(id);
  if (doc.error) return <ErrorAlert error={doc.error} title="无法打开文稿" />;
  if (!doc.data) return <Card loading />;
  const d = doc.data;
  const tabs = [
    { key: 'body', label: '正文', children: <DocumentBody doc={d} /> },
    ...(attachmentsOf(d).length > 0 ? [{ key: 'attachments', label: `附件（${attachmentsOf(d).length}）`, children: <AttachmentList doc={d} editable={false} /> }] : []),
    { key: 'diff', label: '修订对比', children: <DiffView id={id} /> },
    { key: 'opinions', label: '审核意见', children: <OpinionsList id={id} /> },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 20 }}>
          {d.title}
        </Typography.Title>
        <Space wrap>
          <StatusTag status={d.status} />
          <Typography.Text>第 {d.version} 版</Typography.Text>
          <Typography.Text>{d.agencyName}</Typography.Text>
          <Link to={`/documents/${id}/sheet`}>信息发布审批单</Link>
          <a href={`/api/v1/documents/${id}/preview`} target="_blank" rel="noreferrer">
            门户预览（新窗口）
          </a>
        </Space>
        {d.lastReturn && d.status === 'draft' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={`已被${d.lastReturn.byName}（${d.lastReturn.stageLabel}）退回`}
            description={`退回原因：${d.lastReturn.reason}`}
            data-testid="return-reason"
          />
        )}
      </Card>
      <ExplainedFindings doc={d} />
      {d.status === 'draft' || d.status === 'pending_l1' ? <DraftActions doc={d} /> : null}
      {IN_REVIEW.includes(d.status) && hasRole(me, 'dept_head', 'deputy', 'principal') && <ReviewActions doc={d} />}
      {d.status === 'pending_secrecy' && hasRole(me, 'secrecy_officer') && <SecrecyPanel doc={d} />}
      {SCHEDULABLE.includes(d.status) && hasRole(me, 'principal', 'publisher') && <ScheduleControl doc={d} />}
      {AFTER_APPROVAL.includes(d.status) && <PublicationPanel doc={d} />}
      <Card>
        <Tabs items={tabs} />
      </Card>
    </Space>
  );
}
