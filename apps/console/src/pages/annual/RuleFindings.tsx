import { RULES } from '@sanshen/annual-report';
import type { Finding } from '@sanshen/annual-report';
import { Button, Typography } from 'antd';
import { FindingList } from '../../ui/FindingList';

const TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

function focusCell(pointer: string | undefined) {
  if (pointer === undefined) return;
  const cell = document.querySelector<HTMLInputElement>(`input[data-pointer="${pointer}"]`);
  cell?.focus();
  cell?.scrollIntoView({ block: 'center' });
}

/** The failing rules beside the tables, in Chinese, each leading to its cells. */
export function RuleFindings({ errors, warnings }: { errors: Finding[]; warnings: Finding[] }) {
  return (
    <FindingList
      items={[...errors, ...warnings]}
      empty="全部校验规则通过"
      testId="rule-findings"
      tag={(finding) => ({ label: finding.severity === 'error' ? '错误' : '警告', blocking: finding.severity === 'error' })}
      render={(finding) => (
        <>
          <Typography.Text strong>{finding.ruleId}</Typography.Text> {finding.message}
          <br />
          <Typography.Text type="secondary">规则说明：{TITLES.get(finding.ruleId)}</Typography.Text>
          {finding.cells.length > 0 && (
            <>
              {' '}
              <Button type="link" size="small" onClick={() => focusCell(finding.cells[0])}>
                定位单元格
              </Button>
            </>
          )}
        </>
      )}
    />
  );
}
