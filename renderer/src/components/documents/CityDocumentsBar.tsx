import { Button, Space } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { Period } from '../../../../shared/domain/ids';
import { useMakeDocument } from './use-make-document';
import { YearDocumentButton } from './YearDocumentButton';

/** The city overview's documents: the 全市简报 over every county office, and the city's own 年度总结. */
export function CityDocumentsBar({ period }: { period: Period }) {
  const { busy, make } = useMakeDocument();
  return (
    <Space wrap>
      <Button icon={<FileWordOutlined />} loading={busy} onClick={() => void make('city-briefing', { period })}>
        生成全市简报
      </Button>
      <YearDocumentButton />
    </Space>
  );
}
