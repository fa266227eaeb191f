import { Card, List } from 'antd';
import type { DocumentView } from '../../api/types';

/** The drafter's explanations of blocking findings and of warnings, for reviewers and the secrecy officer. */
export function ExplainedFindings({ doc }: { doc: DocumentView }) {
  if (doc.findingExplanations.length === 0 && !doc.warningsExplanation) return null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>检查发现及起草人说明</h2>} size="small">
      {doc.warningsExplanation && <p>警告说明：{doc.warningsExplanation}</p>}
      <List
        size="small"
        dataSource={doc.findingExplanations}
        renderItem={(finding) => (
          <List.Item>
            {finding.message}（“{finding.matched}”）——说明：{finding.explanation}
          </List.Item>
        )}
      />
    </Card>
  );
}
