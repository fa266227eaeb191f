import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, List, Popconfirm, Space, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { documents } from '../../api/documents';
import type { DocumentView } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useMessage } from '../../ui/feedback';
import { documentKey } from '../document/use-document';

/** One attachment of a version, as the content lists it. */
export interface Attachment {
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
}

const ACCEPT = '.pdf,.docx,.xlsx,.ofd,.jpg,.jpeg,.png';

function sizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function attachmentsOf(doc: DocumentView): Attachment[] {
  const content = doc.content as { attachments?: Attachment[] } | null;
  return content?.attachments ?? [];
}

/**
 * 附件: the version's files, each downloadable by whoever sees the document; with `editable` (the
 * drafter's editor) upload and remove, each of which makes a new version.
 */
export function AttachmentList({ doc, editable }: { doc: DocumentView; editable: boolean }) {
  const message = useMessage();
  const queryClient = useQueryClient();
  const current = () => queryClient.getQueryData<DocumentView>(documentKey(doc.id)) ?? doc;
  const changed = (next: DocumentView) => queryClient.setQueryData(documentKey(doc.id), next);
  const upload = useMutation({ mutationFn: (file: File) => documents.addAttachment(doc.id, current().version, file), onSuccess: changed });
  const remove = useMutation({ mutationFn: (sha256: string) => documents.removeAttachment(doc.id, current().version, sha256), onSuccess: changed });
  const customRequest: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    upload.mutate(file as File, {
      onSuccess: (next) => {
        onSuccess?.(next);
        void message.success('附件已上传');
      },
      onError: (error) => onError?.(error),
    });
  };
  const files = attachmentsOf(doc);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        locale={{ emptyText: '暂无附件' }}
        dataSource={files}
        renderItem={(file) => (
          <List.Item
            actions={[
              <a key="download" href={documents.attachmentUrl(doc.id, doc.version, file.sha256)} download>
                下载
              </a>,
              ...(editable
                ? [
                    <Popconfirm key="remove" title={`删除附件《${file.filename}》？`} okText="删除" cancelText="取消" onConfirm={() => remove.mutate(file.sha256)}>
                      <Button type="link" danger size="small" loading={remove.isPending && remove.variables === file.sha256}>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Typography.Text>{file.filename}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {sizeLabel(file.size)}
            </Typography.Text>
          </List.Item>
        )}
      />
      {editable && (
        <Upload accept={ACCEPT} customRequest={customRequest} showUploadList={false} disabled={upload.isPending}>
          <Button loading={upload.isPending}>上传附件</Button>
        </Upload>
      )}
      {editable && <Typography.Text type="secondary">可上传 PDF、Word（.docx）、Excel（.xlsx）、OFD、JPG、PNG；附件的文字与正文一起检查（图片不做文字识别）。</Typography.Text>}
      <ErrorAlert error={upload.error ?? remove.error} />
    </Space>
  );
}
