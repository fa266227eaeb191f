import { Button, Card, Form, Input, Radio, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { DocumentView } from '../../api/types';
import { review } from '../../api/workflow';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAction } from './use-action';

/** 审核: approve with an opinion, or return with a reason (required) to the drafter or the level below. */
export function ReviewActions({ doc }: { doc: DocumentView }) {
  const navigate = useNavigate();
  const back = () => void navigate('/tasks');
  const approve = useAction((comment: string) => review.approve(doc.id, { version: doc.version, ...(comment ? { comment } : {}) }), '已同意', back);
  const giveBack = useAction(
    (values: { reason: string; to: 'drafter' | 'previous' }) => review.return(doc.id, { version: doc.version, ...values }),
    '已退回',
    back,
  );
  const [approveForm] = Form.useForm<{ comment: string }>();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>审核</h2>}>
      <ErrorAlert error={approve.error ?? giveBack.error} />
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        <Form form={approveForm} layout="vertical" initialValues={{ comment: '同意' }} onFinish={(values) => approve.mutate(values.comment)}>
          <Form.Item label="审核意见" name="comment">
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={approve.isPending}>
            同意
          </Button>
        </Form>
        <Form layout="vertical" initialValues={{ to: 'drafter' }} onFinish={(values: { reason: string; to: 'drafter' | 'previous' }) => giveBack.mutate(values)}>
          <Form.Item label="退回原因" name="reason" rules={[{ required: true, message: '退回必须填写原因' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item label="退回至" name="to">
            <Radio.Group
              options={[
                { value: 'drafter', label: '起草人' },
                { value: 'previous', label: '上一审核级' },
              ]}
            />
          </Form.Item>
          <Button danger htmlType="submit" loading={giveBack.isPending}>
            退回
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
