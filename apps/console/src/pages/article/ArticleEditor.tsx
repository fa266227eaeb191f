import { useMessage } from '../../ui/feedback';
import { Button, Card, Form, Input, Space } from 'antd';
import { useState } from 'react';
import type { DocumentView } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { SubmitPanel } from '../editing/SubmitPanel';
import { useSave } from '../editing/use-save';
import type { ArticleCatalogue } from '../../../../../libs/kernel/src/catalogue';
import { AttachmentList } from './AttachmentList';
import { CatalogueFields } from './CatalogueFields';
import { ColumnSelect } from './ColumnSelect';
import { ContentFindings } from './ContentFindings';
import { RichTextEditor } from './RichTextEditor';
import { useContentScan } from './use-content-scan';
import './article.css';

interface ArticleContent {
  title: string;
  /** The code of one of the agency's columns. */
  column: string;
  body: string;
  catalogue?: ArticleCatalogue;
}

/** 稿件编辑: title, 栏目, rich-text body with the content checks live beside it, preview, submit. */
export default function ArticleEditor({ doc }: { doc: DocumentView }) {
  const message = useMessage();
  const [article, setArticle] = useState(doc.content as ArticleContent);
  const [saved, setSaved] = useState(article);
  const scan = useContentScan(doc.id, article.title, article.body);
  const save = useSave(doc, () => (JSON.stringify(saved) === JSON.stringify(article) ? null : article));
  const saveNow = async () => {
    const result = await save.mutateAsync();
    setSaved(article);
    return result;
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>编辑稿件</h1>}>
        <Form layout="vertical">
          <Form.Item label="标题" htmlFor="article-title">
            <Input id="article-title" value={article.title} onChange={(event) => setArticle({ ...article, title: event.target.value })} />
          </Form.Item>
          <Form.Item label="栏目" htmlFor="article-column">
            <ColumnSelect id="article-column" value={article.column} onChange={(column) => setArticle({ ...article, column })} />
          </Form.Item>
          <CatalogueFields value={article.catalogue ?? {}} onChange={(catalogue) => setArticle({ ...article, catalogue })} />
          <Form.Item label="正文">
            <RichTextEditor value={article.body} onChange={(body) => setArticle((current) => ({ ...current, body }))} scan={scan.scanBody} />
          </Form.Item>
        </Form>
        <ErrorAlert error={save.error} />
        <Space>
          <Button onClick={() => void saveNow().then(() => message.success('已保存'))} loading={save.isPending}>
            保存
          </Button>
          <Button href={`/api/v1/documents/${doc.id}/preview`} target="_blank">
            预览（门户效果）
          </Button>
        </Space>
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>附件</h2>}>
        <AttachmentList doc={doc} editable />
      </Card>
      <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>内容检查</h2>}>
        <ContentFindings texts={scan.texts} findings={scan.findings} />
      </Card>
      <SubmitPanel save={saveNow} blocked={null} warnings={[]} explain={scan.findings.filter((finding) => finding.severity === 'blocking')} />
    </Space>
  );
}
