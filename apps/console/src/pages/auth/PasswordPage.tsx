import { useMessage } from '../../ui/feedback';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { auth } from '../../api/session';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Change {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

const POLICY = ['至少 12 个字符；', '至少包含小写字母、大写字母、数字、其他字符（含汉字）中的三类；', '不得包含用户名。'];

/** 修改密码, the policy shown before the person types. */
export default function PasswordPage() {
  const message = useMessage();
  const [form] = Form.useForm<Change>();
  const change = useMutation({
    mutationFn: (values: Change) => auth.changePassword(values.oldPassword, values.newPassword),
    onSuccess: () => {
      form.resetFields();
      void message.success('密码已修改，其他设备上的登录已退出');
    },
  });
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>修改密码</h1>} style={{ maxWidth: 520 }}>
      <Typography.Paragraph>
        密码要求：
        <ul>
          {POLICY.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Typography.Paragraph>
      <ErrorAlert error={change.error} />
      <Form form={form} layout="vertical" onFinish={(values) => change.mutate(values)}>
        <Form.Item label="当前密码" name="oldPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" rules={[{ required: true, message: '请输入新密码' }, { min: 12, message: '新密码至少 12 个字符' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_rule, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}
