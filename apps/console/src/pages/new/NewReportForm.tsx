import { Button, Form, InputNumber, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { documents } from '../../api/documents';
import { useAction } from '../document/use-action';
import { ErrorAlert } from '../../ui/ErrorAlert';

export function NewReportForm() {
  const navigate = useNavigate();
  const create = useAction(async ({ year }: { year: number }) => {
    const doc = await documents.create({ kind: 'annual_report', year });
    void navigate(`/documents/${doc.id}/edit`);
  }, '年度报告已创建');
  return (
    <Form layout="vertical" initialValues={{ year: new Date().getFullYear() - 1 }} onFinish={(values: { year: number }) => create.mutate(values)}>
      <ErrorAlert error={create.error} />
      <Typography.Paragraph type="secondary">系统中已有上一年度报告时，上年结转数据自动带入。</Typography.Paragraph>
      <Form.Item label="报告年度" name="year" rules={[{ required: true, message: '请输入年度' }]}>
        <InputNumber min={2019} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        创建年度报告
      </Button>
    </Form>
  );
}
