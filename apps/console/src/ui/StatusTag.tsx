import { Tag } from 'antd';
import type { DocumentStatus } from '../api/types';
import { STATUS_LABELS } from '../session/labels';

const COLORS: Partial<Record<DocumentStatus, string>> = { draft: 'default', published: 'green', publish_failed: 'red', retracted: 'orange', approved: 'cyan' };

export function StatusTag({ status }: { status: DocumentStatus }) {
  return <Tag color={COLORS[status] ?? 'blue'}>{STATUS_LABELS[status]}</Tag>;
}
