import { useQueryClient } from '@tanstack/react-query';
import { Layout, Menu, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { ApiError, onSessionExpired } from '../api/http';
import { signInPath } from '../session/sign-in-path';
import { useMe } from '../session/use-me';
import { ErrorAlert } from '../ui/ErrorAlert';
import { HeaderBar } from './HeaderBar';
import { menuItemsFor } from './menu-items';

/** The signed-in frame: navigation by role, the header with notices; sign-in when there is no session. */
export default function ConsoleLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  useEffect(() => {
    onSessionExpired(() => {
      queryClient.clear();
      void navigate(signInPath(window.location), { replace: true });
    });
  }, [navigate, queryClient]);

  if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to={signInPath(location)} replace />;
  if (me.error instanceof ApiError && me.error.code === 'AUTH.PASSWORD_CHANGE_REQUIRED' && location.pathname !== '/password') return <Navigate to="/password" replace />;
  const selected = menuItemsFor(me.data)
    .map((item) => item.key)
    .filter((key) => key === location.pathname || (key !== '/' && location.pathname.startsWith(key)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="md" collapsedWidth={0} theme="light" className="no-print" aria-label="主导航">
        <div style={{ padding: '16px 24px', fontWeight: 600, fontSize: 16 }}>三审 · 信息发布</div>
        <Menu mode="inline" selectedKeys={selected} items={menuItemsFor(me.data)} onClick={({ key }) => void navigate(key)} />
      </Layout.Sider>
      <Layout>
        <HeaderBar me={me.data} />
        <Layout.Content style={{ padding: 16 }}>
          <main id="main">
            {me.isPending ? <Skeleton active /> : me.error && !(me.error instanceof ApiError && me.error.code === 'AUTH.PASSWORD_CHANGE_REQUIRED') ? <ErrorAlert error={me.error} /> : <Outlet />}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
