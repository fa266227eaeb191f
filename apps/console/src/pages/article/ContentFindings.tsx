import { Typography } from 'antd';
import { FindingList } from '../../ui/FindingList';
import type { LiveFinding } from './use-content-scan';

const SECTION = { title: '标题', body: '正文' } as Record<string, string>;

/** Each finding with the text around it, the match highlighted. */
export function ContentFindings({ texts, findings }: { texts: Record<string, string>; findings: LiveFinding[] }) {
  return (
    <FindingList
      items={findings}
      empty="未发现问题"
      testId="content-findings"
      tag={(finding) => ({ label: finding.severity === 'blocking' ? '须说明' : '提示', blocking: finding.severity === 'blocking' })}
      render={(finding) => {
        const text = texts[finding.section] ?? '';
        return (
          <>
            {SECTION[finding.section] ?? finding.section}：{finding.message}
            <br />
            <Typography.Text type="secondary">
              …{text.slice(Math.max(0, finding.start - 12), finding.start)}
              <mark>{text.slice(finding.start, finding.end)}</mark>
              {text.slice(finding.end, finding.end + 12)}…
            </Typography.Text>
            {finding.suggestion && <div>建议：{finding.suggestion}</div>}
          </>
        );
      }}
    />
  );
}
