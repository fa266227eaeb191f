import { Card } from 'antd';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDocument } from './use-document';

const AnnualReportEditor = lazy(() => import('../annual/AnnualReportEditor'));
const ArticleEditor = lazy(() => import('../article/ArticleEditor'));

/** The editor of the document's kind, each in its own chunk. */
export default function EditDocumentPage() {
  const { id = '' } = useParams();
  const doc = useDocument(id);
  if (doc.error) return <ErrorAlert error={doc.error} title="无法打开文稿" />;
  if (!doc.data) return <Card loading />;
  return <Suspense fallback={<Card loading />}>{doc.data.kind === 'annual_report' ? <AnnualReportEditor doc={doc.data} /> : <ArticleEditor doc={doc.data} />}</Suspense>;
}
