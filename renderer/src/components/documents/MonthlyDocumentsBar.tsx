import { useState } from 'react';
import { Button, Space } from 'antd';
import { FileWordOutlined, NotificationOutlined } from '@ant-design/icons';
import type { Period } from '../../../../shared/domain/ids';
import { NoticeModal } from './NoticeModal';
import { useMakeDocument } from './use-make-document';

/** 月度调度's documents: the month's 工作简报, and a 通报 of the units the clerk chooses. */
export function MonthlyDocumentsBar({ period }: { period: Period }) {
  const { busy, make } = useMakeDocument();
  const [notice, setNotice] = useState(false);
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void make('briefing', { period })}>
        生成工作简报
      </Button>
      <Button icon={<NotificationOutlined />} onClick={() => setNotice(true)}>
        生成通报
      </Button>
      <NoticeModal period={period} open={notice} onClose={() => setNotice(false)} />
    </Space>
  );
}
