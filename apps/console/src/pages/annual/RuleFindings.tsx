import { RULES } from '@sanshen/annual-report';
import type { Finding } from '@sanshen/annual-report';
import { List, Tag, Typography } from 'antd';
import { TAG } from '../../ui/tag-colors';

const TITLES = new Map(RULES.map((rule) => [rule.id, rule.title]));

function focusCell(pointer: string | undefined) {
  if (pointer === undefined) return;
  const cell = document.querySelector<HTMLInputElement>(`input[data-pointer="${pointer}"]`);
  cell?.focus();
  cell?.scrollIntoView({ block: 'center' });
}

/** The failing rules beside the tables, in Chinese, each leading to its cells. */
export function RuleFindings({ errors, warnings }: { errors: Finding[]; warnings: Finding[] }) {
  const findings = [...errors, ...warnings];
  return (
    <List
      size="small"
      data-testid="rule-findings"
      locale={{ emptyText: '全部校验规则通过' }}
      dataSource={findings}
      renderItem={(finding) => (
        <List.Item>
          <div>
            <Tag color={finding.severity === 'error' ? TAG.danger : TAG.warning}>{finding.severity === 'error' ? '错误' : '警告'}</Tag>
            <Typography.Text strong>{finding.ruleId}</Typography.Text> {finding.message}
            <br />
            <Typography.Text type="secondary">规则说明：{TITLES.get(finding.ruleId)}</Typography.Text>
            {finding.cells.length > 0 && (
              <>
                {' '}
                <Typography.Link onClick={() => focusCell(finding.cells[0])}>定位单元格</Typography.Link>
              </>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
