import { contentToReport } from '@sanshen/annual-report';
import type { AnnualReport, AnnualReportContent } from '@sanshen/annual-report';
import { useQuery } from '@tanstack/react-query';
import { documents } from '../../api/documents';

/** Last year's report, as the server's check found it, for the cross-year rules in the browser. */
export function usePreviousReport(id: string): AnnualReport | null {
  const previous = useQuery({
    queryKey: ['documents', 'previous-report', id],
    queryFn: async () => {
      const check = await documents.check(id);
      if (check.previousReport === null) return null;
      const doc = await documents.version(check.previousReport.documentId, check.previousReport.version);
      return contentToReport(doc.content as AnnualReportContent);
    },
    staleTime: Infinity,
  });
  return previous.data ?? null;
}
