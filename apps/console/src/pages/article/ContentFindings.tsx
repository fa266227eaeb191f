import type { Finding } from '@sanshen/content-checks';
import { Typography } from 'antd';
import { FindingList } from '../../ui/FindingList';

/** Each finding with the text around it, the match highlighted. */
export function ContentFindings({ text, findings }: { text: string; findings: Finding[] }) {
  return (
    <FindingList
      items={findings}
      empty="未发现问题"
      testId="content-findings"
      tag={(finding) => ({ label: finding.severity === 'blocking' ? '须说明' : '提示', blocking: finding.severity === 'blocking' })}
      render={(finding) => (
        <>
          {finding.message}
          <br />
          <Typography.Text type="secondary">
            …{text.slice(Math.max(0, finding.start - 12), finding.start)}
            <mark>{text.slice(finding.start, finding.end)}</mark>
            {text.slice(finding.end, finding.end + 12)}…
          </Typography.Text>
          {finding.suggestion && <div>建议：{finding.suggestion}</div>}
        </>
      )}
    />
  );
}
