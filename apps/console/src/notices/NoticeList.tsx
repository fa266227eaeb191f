import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Typography } from 'antd';
import { Link } from 'react-router';
import { work } from '../api/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PlainList } from '../ui/PlainList';
import { formatDateTime } from '../ui/format';

/** The newest notices (站内通知), unread ones marked, with "all read". */
export function NoticeList() {
  const queryClient = useQueryClient();
  const notices = useQuery({ queryKey: ['notices', 'list'], queryFn: work.notices });
  const readAll = useMutation({
    mutationFn: () => work.readNotices({ all: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notices'] }),
  });
  return (
    <>
      <ErrorAlert error={notices.error ?? readAll.error} />
      <Button size="small" onClick={() => readAll.mutate()} disabled={!notices.data?.unread}>
        全部标为已读
      </Button>
      <PlainList
        items={notices.data?.items ?? []}
        loading={notices.isPending}
        empty="暂无通知"
        itemKey={(notice) => notice.id}
        render={(notice) => (
          <div>
            <div className="plain-list-title">
              <Badge dot={notice.readAt === null} offset={[6, 0]}>
                {notice.documentId ? <Link to={`/documents/${notice.documentId}`}>{notice.title}</Link> : notice.title}
              </Badge>
            </div>
            <Typography.Text>{notice.message}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(notice.createdAt)}</Typography.Text>
          </div>
        )}
      />
    </>
  );
}
