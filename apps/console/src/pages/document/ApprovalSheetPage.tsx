import { Button, Card, Descriptions, Space } from 'antd';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDateTime } from '../../ui/format';
import './approval-sheet.css';
import { useApprovalSheet } from './use-sheet';

/** 信息发布审批单, laid out for A4 printing (print stylesheet: no navigation, black on white). */
export default function ApprovalSheetPage() {
  const { id = '' } = useParams();
  const sheet = useApprovalSheet(id);
  if (sheet.error) return <ErrorAlert error={sheet.error} title="无法打开审批单" />;
  if (!sheet.data) return <Card loading />;
  const s = sheet.data;
  const level = (n: number) => s.levels.find((entry) => entry.level === n);
  const signature = (n: number) => {
    const entry = level(n);
    return entry ? `${entry.opinion ?? '同意'} ${entry.signedAs} ${formatDateTime(entry.signedAt)}` : '';
  };
  return (
    <div className="approval-sheet">
      <Space className="no-print" style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => window.print()}>
          打印
        </Button>
      </Space>
      <h1>{s.agencyName}信息发布审批单</h1>
      <Descriptions bordered column={1} size="small">
        <Descriptions.Item label="标题">{s.title}</Descriptions.Item>
        <Descriptions.Item label="科室">{s.departmentName}</Descriptions.Item>
        <Descriptions.Item label="栏目">{s.column ?? '政府信息公开工作年度报告'}</Descriptions.Item>
        <Descriptions.Item label="起草人">
          {s.drafter.displayName} {formatDateTime(s.submittedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="科室负责人审核">{signature(1)}</Descriptions.Item>
        <Descriptions.Item label="分管领导审核">{signature(2)}</Descriptions.Item>
        <Descriptions.Item label="主要领导审定">{signature(3)}</Descriptions.Item>
        <Descriptions.Item label="保密审查">{s.secrecy ? `${s.secrecy.opinion}（依据：${s.secrecy.basis}） ${s.secrecy.reviewerName} ${formatDateTime(s.secrecy.decidedAt)}` : ''}</Descriptions.Item>
        <Descriptions.Item label="发布">{s.publication ? `${formatDateTime(s.publication.publishedAt)} ${s.publication.url}` : ''}</Descriptions.Item>
      </Descriptions>
      <p className="sheet-foot">
        第 {s.version} 版 · 内容摘要 {s.contentHash.slice(0, 16)} · 生成于 {formatDateTime(s.generatedAt)}
      </p>
    </div>
  );
}
