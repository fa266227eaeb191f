import { Button, Form, Input, Radio } from 'antd';
import type { DocumentView } from '../../api/types';
import { secrecy } from '../../api/workflow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from './use-action';

interface Answer {
  conclusion: 'public' | 'return';
  answerReference: string;
  basis: string;
  opinion?: string;
}

/** Records the 保密行政管理部门's answer to a referral. */
export function ReferralAnswerForm({ doc }: { doc: DocumentView }) {
  const answer = useAction((values: Answer) => secrecy.answer(doc.id, { version: doc.version, ...values }), '答复已记录');
  return (
    <Form<Answer> layout="vertical" initialValues={{ conclusion: 'public' }} onFinish={(values) => answer.mutate(values)}>
      <h3 style={{ fontSize: 15 }}>已报保密行政管理部门，登记答复</h3>
      <ErrorAlert error={answer.error} />
      <Form.Item label="答复结论" name="conclusion">
        <Radio.Group options={[{ value: 'public', label: '可以公开' }, { value: 'return', label: '退回修改' }]} />
      </Form.Item>
      <Form.Item label="答复文号" name="answerReference" rules={[{ required: true, message: '请填写答复文号' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="依据" name="basis" rules={[{ required: true, message: '请填写依据' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="意见" name="opinion">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={answer.isPending}>
        登记答复
      </Button>
    </Form>
  );
}
