import { useQueryClient } from '@tanstack/react-query';
import { Button, Layout, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { auth } from '../api/session';
import type { Me } from '../api/types';
import { ROLE_LABELS } from '../session/labels';
import { NoticeBell } from './NoticeBell';

export function HeaderBar({ me }: { me: Me | undefined }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signOut = async () => {
    await auth.signOut().catch(() => undefined);
    queryClient.clear();
    void navigate('/login', { replace: true });
  };
  return (
    <Layout.Header className="no-print" style={{ background: '#fff', padding: '0 16px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
      <Space size="middle" wrap>
        {me && <NoticeBell />}
        {me && (
          <Typography.Text>
            {me.displayName}（{me.roles.map((role) => ROLE_LABELS[role]).join('、')}）
          </Typography.Text>
        )}
        <Button onClick={() => void signOut()}>退出登录</Button>
      </Space>
    </Layout.Header>
  );
}
