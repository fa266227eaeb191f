import { contentToReport, isAnnualReportContent, renderReportFragment } from '@sanshen/annual-report';
import { useMemo } from 'react';
import type { DocumentView } from '../../api/types';

/**
 * The document as the portal will show it: an annual report in the national layout (the same
 * renderer the services use; it escapes every text), an article's body as the server sanitized it.
 */
export function DocumentBody({ doc }: { doc: DocumentView }) {
  const html = useMemo(() => {
    if (isAnnualReportContent(doc.content)) return renderReportFragment(contentToReport(doc.content));
    const content = doc.content as { body?: string };
    return content.body ?? '';
  }, [doc.content]);
  // Focusable: wide tables scroll sideways on a phone, by keyboard too.
  return <article className="document-body" tabIndex={0} aria-label="正文（发布效果）" style={{ overflowX: 'auto' }} dangerouslySetInnerHTML={{ __html: html }} />;
}
