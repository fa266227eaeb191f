import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { auth } from '../../api/session';
import { safeNext } from '../../session/sign-in-path';
import { ErrorAlert } from '../../ui/ErrorAlert';

interface Credentials {
  username: string;
  password: string;
}

/** Sign-in: the gateway sets HttpOnly cookies; the page keeps nothing but where to go next. */
export default function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: ({ username, password }: Credentials) => auth.signIn(username, password),
    onSuccess: (reply) => {
      queryClient.clear();
      void navigate(reply.passwordChangeRequired ? '/password' : safeNext(params.get('next')), { replace: true });
    },
  });
  return (
    <main style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          三审 · 政务信息发布工作台
        </Typography.Title>
        {params.get('next') && <Typography.Paragraph>登录已过期，请重新登录后继续。</Typography.Paragraph>}
        <ErrorAlert error={signIn.error} />
        <Form<Credentials> layout="vertical" onFinish={(values) => signIn.mutate(values)} requiredMark={false}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
