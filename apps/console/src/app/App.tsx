import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router';
import { queryClient } from './query-client';
import { FeedbackProvider } from '../ui/feedback';
import { router } from './routes';

dayjs.locale('zh-cn');

/** Chinese locale, a darker primary colour for contrast (WCAG AA on white), the router. */
export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#0b57d0', colorLink: '#0b57d0', colorError: '#b3261e', colorTextDisabled: 'rgba(0,0,0,0.6)', colorTextPlaceholder: 'rgba(0,0,0,0.6)', colorTextSecondary: 'rgba(0,0,0,0.68)', colorTextDescription: 'rgba(0,0,0,0.68)' } }}>
      <FeedbackProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </FeedbackProvider>
    </ConfigProvider>
  );
}
