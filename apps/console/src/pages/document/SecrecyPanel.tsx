import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio } from 'antd';
import type { DocumentView } from '../../api/types';
import { secrecy } from '../../api/workflow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReferralAnswerForm } from './ReferralAnswerForm';
import { SecrecyFindings } from './SecrecyFindings';
import { useAction } from './use-action';

interface Decision {
  conclusion: 'public' | 'return' | 'refer';
  basis: string;
  opinion: string;
}

const BASIS = '《中华人民共和国保守国家秘密法》第三十五条';

/** 保密审查: the findings and their dispositions, the 保密审查表 (conclusion, basis, opinion), referral. */
export function SecrecyPanel({ doc }: { doc: DocumentView }) {
  const view = useQuery({ queryKey: ['documents', 'secrecy', doc.id], queryFn: () => secrecy.get(doc.id) });
  const decide = useAction((values: Decision) => secrecy.decide(doc.id, { version: doc.version, ...values }), '保密审查结论已记录');
  const referral = view.data?.referral ?? null;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>保密审查</h2>}>
      <ErrorAlert error={view.error ?? decide.error} />
      <SecrecyFindings documentId={doc.id} findings={view.data?.findings ?? []} />
      {referral ? (
        <ReferralAnswerForm doc={doc} />
      ) : (
        <Form<Decision> layout="vertical" initialValues={{ conclusion: 'public', basis: BASIS, opinion: '经审查，不涉及国家秘密和工作秘密，同意公开。' }} onFinish={(values) => decide.mutate(values)}>
          <h3 style={{ fontSize: 15 }}>保密审查表</h3>
          <Form.Item label="审查结论" name="conclusion">
            <Radio.Group
              options={[
                { value: 'public', label: '可以公开' },
                { value: 'return', label: '退回修改' },
                { value: 'refer', label: '报保密行政管理部门' },
              ]}
            />
          </Form.Item>
          <Form.Item label="审查依据" name="basis" rules={[{ required: true, message: '请填写审查依据' }]}>
            <Input />
          </Form.Item>
          <Form.Item label="审查意见" name="opinion" rules={[{ required: true, message: '请填写审查意见' }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={decide.isPending}>
            提交审查结论
          </Button>
        </Form>
      )}
    </Card>
  );
}
