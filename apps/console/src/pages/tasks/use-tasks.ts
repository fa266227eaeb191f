import { useQuery } from '@tanstack/react-query';
import { work } from '../../api/session';

/** The caller's 待办 and their counts; refreshed by the notice stream. */
export function useTasks(enabled = true) {
  const tasks = useQuery({ queryKey: ['tasks', 'list'], queryFn: work.tasks, enabled });
  const counts = useQuery({ queryKey: ['tasks', 'counts'], queryFn: work.counts, enabled });
  return { tasks, counts };
}
