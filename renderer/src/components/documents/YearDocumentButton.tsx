import { useState } from 'react';
import { Button, InputNumber, Popover, Space, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { chinaToday } from '../../../../shared/domain/time';
import { useMakeDocument } from './use-make-document';

/** 年度总结: asks which year (this year by default), then makes and saves it. */
export function YearDocumentButton({ label = '年度总结' }: { label?: string }) {
  const thisYear = Number(chinaToday().slice(0, 4));
  const [year, setYear] = useState<number | null>(thisYear);
  const [open, setOpen] = useState(false);
  const { busy, make } = useMakeDocument();
  const content = (
    <Space direction="vertical">
      <Typography.Text>总结哪一年：</Typography.Text>
      <InputNumber aria-label="总结年份" min={2000} max={thisYear} value={year} onChange={setYear} addonAfter="年" />
      <Button type="primary" disabled={!year} loading={busy} onClick={() => year && void make('annual', { year }).then(() => setOpen(false))}>
        生成{label}
      </Button>
    </Space>
  );
  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen}>
      <Button icon={<FileWordOutlined />}>{label}</Button>
    </Popover>
  );
}
