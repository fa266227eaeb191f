import { Alert, Button, Card, Form, Input, List, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { documents } from '../../api/documents';
import { ApiError } from '../../api/http';
import type { ContentFinding, DocumentView } from '../../api/types';
import { useAction } from '../document/use-action';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Props {
  /** Saves the editor's changes; the saved document (its version) is what is submitted. */
  save: () => Promise<DocumentView>;
  /** Why submitting is not possible now (an error rule fails), or null. */
  blocked: string | null;
  /** Warnings the drafter must explain before submitting. */
  warnings: string[];
  /** Blocking content findings the live check sees now: each needs an explanation before submitting. */
  explain?: ContentFinding[];
}

const findingKey = (finding: ContentFinding) => finding.key ?? `${finding.section}:${finding.type}:${finding.start}`;

/** 提交审核: explanations for warnings and blocking content findings, then the submit itself. */
export function SubmitPanel({ save, blocked, warnings, explain = [] }: Props) {
  const navigate = useNavigate();
  const live = explain.map(findingKey).join('|');
  // What the server refused last, kept while the live findings stay as they were then.
  const [refused, setRefused] = useState<{ live: string; findings: ContentFinding[] }>({ live: '', findings: [] });
  const known = new Set(explain.map(findingKey));
  const unexplained = [...explain, ...(refused.live === live ? refused.findings.filter((finding) => !known.has(findingKey(finding))) : [])];
  const [form] = Form.useForm<{ warningsExplanation?: string; findings?: Record<string, string> }>();
  const submit = useAction(
    async () => {
      await form.validateFields().catch(() => {
        throw new Error('请先填写以下检查发现的说明，再提交审核');
      });
      const saved = await save();
      const values = form.getFieldsValue();
      try {
        return await documents.submit(saved.id, {
          version: saved.version,
          ...(values.warningsExplanation ? { warningsExplanation: values.warningsExplanation } : {}),
          ...(values.findings && Object.keys(values.findings).length > 0 ? { findingExplanations: values.findings } : {}),
        });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'DOCUMENT.FINDINGS_UNEXPLAINED') {
          setRefused({ live, findings: (error.details as { findings?: ContentFinding[] }).findings ?? [] });
        }
        throw error;
      }
    },
    '已提交审核',
    () => void navigate('/'),
  );
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>提交审核</h2>} size="small">
      {blocked && <Alert type="error" showIcon title="暂不能提交" description={blocked} style={{ marginBottom: 12 }} data-testid="submit-blocked" />}
      <ErrorAlert error={submit.error} />
      <Form form={form} layout="vertical">
        {warnings.length > 0 && (
          <Form.Item label={`请说明以下警告（${warnings.length} 项）：${warnings.join('；')}`} name="warningsExplanation">
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {unexplained.length > 0 && (
          <List
            size="small"
            header="以下内容须说明理由后才能提交："
            dataSource={unexplained}
            renderItem={(finding) => (
              <List.Item>
                <Form.Item label={`${finding.message}：“${finding.matched}”`} name={['findings', findingKey(finding)]} style={{ width: '100%' }} rules={[{ required: true, message: '请填写说明' }]}>
                  <Input.TextArea rows={1} />
                </Form.Item>
              </List.Item>
            )}
          />
        )}
        <Space>
          <Button type="primary" disabled={blocked !== null} loading={submit.isPending} onClick={() => submit.mutate(undefined)}>
            提交审核
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
