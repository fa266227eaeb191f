import { Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { documents } from '../../api/documents';
import { useAction } from '../document/use-action';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ColumnSelect } from '../article/ColumnSelect';

export function NewArticleForm() {
  const navigate = useNavigate();
  const create = useAction(async (values: { title: string; column: string }) => {
    const doc = await documents.create({ kind: 'article', ...values, body: '<p></p>' });
    void navigate(`/documents/${doc.id}/edit`);
  }, '稿件已创建');
  return (
    <Form layout="vertical" onFinish={(values: { title: string; column: string }) => create.mutate(values)}>
      <ErrorAlert error={create.error} />
      <Form.Item label="标题" name="title" rules={[{ required: true, message: '请输入标题' }]}>
        <Input />
      </Form.Item>
      <Form.Item label="栏目" name="column" rules={[{ required: true, message: '请选择栏目' }]}>
        <ColumnSelect />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending}>
        创建稿件
      </Button>
    </Form>
  );
}
