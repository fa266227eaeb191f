import { Tag } from 'antd';
import type { DocumentStatus } from '../api/types';
import { STATUS_LABELS } from '../session/labels';
import { TAG } from './tag-colors';

const COLORS: Partial<Record<DocumentStatus, string>> = { draft: TAG.neutral, published: TAG.success, publish_failed: TAG.danger, retracted: TAG.warning };

export function StatusTag({ status }: { status: DocumentStatus }) {
  return <Tag color={COLORS[status] ?? TAG.info}>{STATUS_LABELS[status]}</Tag>;
}
