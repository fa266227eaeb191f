import { useQuery } from '@tanstack/react-query';
import { review } from '../../api/workflow';

/** The 信息发布审批单 as data (signatures, history, secrecy conclusion, publication). */
export function useApprovalSheet(id: string) {
  return useQuery({
    queryKey: ['documents', 'sheet', id],
    queryFn: async () => {
      const reply = await review.sheet(id);
      return 'sheet' in reply ? reply.sheet : reply;
    },
  });
}
