import { Button } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useMakeDocument } from './use-make-document';

/** 终期评估报告 of a closed plan period, from the assessment kept with it. */
export function FinalReportButton({ planId }: { planId: string }) {
  const { busy, make } = useMakeDocument();
  return (
    <Button size="small" icon={<FileWordOutlined />} loading={busy} onClick={() => void make('final', { planId })}>
      终期评估报告
    </Button>
  );
}
