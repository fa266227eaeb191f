import type { Finding } from '@sanshen/content-checks';
import { List, Tag, Typography } from 'antd';
import { TAG } from '../../ui/tag-colors';

/** Each finding with the text around it, the match highlighted. */
export function ContentFindings({ text, findings }: { text: string; findings: Finding[] }) {
  return (
    <List
      size="small"
      data-testid="content-findings"
      locale={{ emptyText: '未发现问题' }}
      dataSource={findings}
      renderItem={(finding) => (
        <List.Item>
          <div>
            <Tag color={finding.severity === 'blocking' ? TAG.danger : TAG.warning}>{finding.severity === 'blocking' ? '须说明' : '提示'}</Tag>
            {finding.message}
            <br />
            <Typography.Text type="secondary">
              …{text.slice(Math.max(0, finding.start - 12), finding.start)}
              <mark>{text.slice(finding.start, finding.end)}</mark>
              {text.slice(finding.end, finding.end + 12)}…
            </Typography.Text>
            {finding.suggestion && <div>建议：{finding.suggestion}</div>}
          </div>
        </List.Item>
      )}
    />
  );
}
