import { Alert } from 'antd';
import { ApiError } from '../api/http';

/** An API error as people read it: the Chinese message, with the code and correlation id for support. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const api = error instanceof ApiError ? error : null;
  const message = api?.message ?? (error instanceof Error ? error.message : String(error));
  const code = api === null ? '' : `错误代码：${api.code}${api.correlationId ? `（请求编号 ${api.correlationId}）` : ''}`;
  return <Alert type="error" showIcon role="alert" title={title ?? message} description={title ? `${message} ${code}` : code || undefined} style={{ marginBottom: 16 }} />;
}
