import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { work } from '../api/session';

export const UNREAD_KEY = ['notices', 'unread'] as const;

/**
 * The live notice stream (SSE, GET /api/v1/notifications/stream, the session cookie): the unread
 * count on connect, then each new notice, which refreshes the notices, the count, the task list and
 * the document lists. EventSource reconnects by itself after a network drop.
 */
export function useNoticeStream(): number {
  const queryClient = useQueryClient();
  const unread = useQuery({ queryKey: UNREAD_KEY, queryFn: () => work.unreadCount().then((reply) => reply.count) });
  useEffect(() => {
    const source = new EventSource('/api/v1/notifications/stream');
    source.addEventListener('unread', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { count: number };
      queryClient.setQueryData(UNREAD_KEY, data.count);
    });
    source.addEventListener('notice', () => {
      for (const key of ['notices', 'tasks', 'documents']) void queryClient.invalidateQueries({ queryKey: [key] });
    });
    return () => source.close();
  }, [queryClient]);
  return unread.data ?? 0;
}
