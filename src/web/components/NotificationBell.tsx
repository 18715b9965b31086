// Header bell: unread count (polled every minute and on focus), a dropdown of the newest notifications
// (relative time and dd/mm/yyyy hh:mm); a click marks it read and opens its link; "mark all read".
import { useState } from 'react';
import { Badge, Button, Empty, List, Popover, Space, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../api/notifications.ts';
import { useMarkAllRead, useMarkRead, useNotificationList, useUnreadNotifications } from '../api/notifications.ts';
import { showDateTime } from '../lib/dates.ts';
import { relativeTime } from '../lib/relativeTime.ts';
import { useT } from '../i18n/context.ts';
import { notificationText } from '../i18n/codes.ts';

export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const unread = useUnreadNotifications();
  const list = useNotificationList(open);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const count = unread.data?.unread ?? 0;
  const now = new Date();

  const pick = (n: Notification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div style={{ width: 360, maxWidth: '90vw' }} data-testid="notif-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('notif.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={count === 0}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
          data-testid="notif-read-all"
        >
          {t('notif.readAll')}
        </Button>
      </Space>
      {list.isLoading ? (
        <Spin />
      ) : (list.data?.items.length ?? 0) === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      ) : (
        <List<Notification>
          size="small"
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={list.data?.items ?? []}
          renderItem={(n) => {
            const words = notificationText(t, n);
            return (
              <List.Item
                key={n.id}
                onClick={() => pick(n)}
                style={{ cursor: 'pointer', background: n.readAt ? undefined : '#fff7e6', paddingInline: 8 }}
                data-testid="notif-item"
                data-unread={n.readAt ? 'false' : 'true'}
              >
                <div style={{ width: '100%' }}>
                  <Typography.Text strong={!n.readAt}>{words.title}</Typography.Text>
                  <Typography.Paragraph
                    type="secondary"
                    style={{ margin: 0, fontSize: 13, whiteSpace: 'pre-line' }}
                    ellipsis={{ rows: 3 }}
                  >
                    {words.body}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} title={showDateTime(n.createdAt)}>
                    {relativeTime(n.createdAt, now, t)} · {showDateTime(n.createdAt)}
                  </Typography.Text>
                </div>
              </List.Item>
            );
          }}
        />
      )}
    </div>
  );

  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" content={content} arrow={false}>
      <Badge count={count} size="small" overflowCount={99} data-testid="notif-count" data-count={count}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('notif.title')}
          data-testid="notif-bell"
        />
      </Badge>
    </Popover>
  );
}
