import { Button, Form, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { documents } from '../../api/documents';
import { useAction } from '../document/use-action';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** Uploads a report (.txt, .docx, PDF with text); what could not be placed goes to the editor. */
export function ImportReportForm() {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const upload = useAction(async () => {
    const form = new FormData();
    form.append('file', file!);
    const doc = await documents.import(form);
    void navigate(`/documents/${doc.id}/edit`, { state: { unplaced: doc.unplaced } });
  }, '已导入');
  return (
    <Form layout="vertical" onFinish={() => upload.mutate(undefined)}>
      <ErrorAlert error={upload.error} />
      <Typography.Paragraph type="secondary">支持 .txt（UTF-8）、.docx 和带文字层的 PDF，不超过 700 KB。</Typography.Paragraph>
      <Form.Item label="报告文件" htmlFor="import-file">
        <input id="import-file" type="file" accept=".txt,.docx,.pdf" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
      </Form.Item>
      <Button type="primary" htmlType="submit" disabled={file === null} loading={upload.isPending}>
        导入
      </Button>
    </Form>
  );
}
