import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Popover } from 'antd';
import { NoticeList } from '../notices/NoticeList';
import { useNoticeStream } from '../notices/use-notice-stream';

export function NoticeBell() {
  const unread = useNoticeStream();
  return (
    <Popover content={<div style={{ width: 320, maxHeight: 420, overflow: 'auto' }}><NoticeList /></div>} title="通知" trigger="click">
      <Badge count={unread} overflowCount={99}>
        <Button icon={<BellOutlined />} aria-label={`通知，${unread} 条未读`} data-testid="notice-bell">
          通知
        </Button>
      </Badge>
    </Popover>
  );
}
