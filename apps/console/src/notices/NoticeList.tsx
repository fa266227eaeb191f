import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, List, Typography } from 'antd';
import { Link } from 'react-router';
import { work } from '../api/session';
import { ErrorAlert } from '../ui/ErrorAlert';
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
      <List
        size="small"
        loading={notices.isPending}
        locale={{ emptyText: '暂无通知' }}
        dataSource={notices.data?.items ?? []}
        header={
          <Button size="small" onClick={() => readAll.mutate()} disabled={!notices.data?.unread}>
            全部标为已读
          </Button>
        }
        renderItem={(notice) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Badge dot={notice.readAt === null} offset={[6, 0]}>
                  {notice.documentId ? <Link to={`/documents/${notice.documentId}`}>{notice.title}</Link> : notice.title}
                </Badge>
              }
              description={
                <>
                  <Typography.Text>{notice.message}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(notice.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
