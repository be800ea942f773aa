import { Button, Card, Space, Typography } from 'antd';
import { DownloadOutlined, FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';

/** The two things a clerk does here most: export this office's file, import someone else's. */
export function TransferCard(props: { period: string; isCity: boolean; busy: boolean; onExport: () => void; onImport: () => void; onImportFolder: () => void }) {
  return (
    <Card title="导出与导入" size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          导出本单位全部数据（{props.period.replace('-', '年')}月），交给本单位另一台电脑{props.isCity ? '' : '或报送市无废办'}：
        </Typography.Text>
        <Button type="primary" icon={<DownloadOutlined />} onClick={props.onExport} loading={props.busy} data-testid="export-bundle">
          导出交换文件
        </Button>
        <Typography.Text>
          导入{props.isCity ? '所辖旗区或' : ''}本单位其他电脑导出的文件：可一次选多个、选整个文件夹，或把文件拖到本页（逐个校验，确认后才写入）：
        </Typography.Text>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={props.onImport} loading={props.busy} data-testid="import-bundle">
            导入交换文件
          </Button>
          <Button icon={<FolderOpenOutlined />} onClick={props.onImportFolder} disabled={props.busy} data-testid="import-bundle-folder">
            导入文件夹
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
