import { useMessage } from '../../ui/feedback';
import { useMutation, useQueryClient } from '@tanstack/react-query';

/** A state change on a document: on success a message, and every list and view refreshed. */
export function useAction<T>(run: (input: T) => Promise<unknown>, done: string, after?: () => void) {
  const message = useMessage();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      void message.success(done);
      await Promise.all(['documents', 'tasks', 'notices'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
      after?.();
    },
  });
}
