import { useEffect, useState } from 'react';
import { Card, Descriptions, Typography } from 'antd';
import type { ShellInfo } from '../../../../shared/platform/desktop-api';
import { desktop } from '../../platform';

/** 关于: the version, and on the desktop where the data, backups, log files and crash dumps are. */
export function AboutCard() {
  const [info, setInfo] = useState<ShellInfo | null>(null);
  useEffect(() => {
    void desktop.info().then(setInfo, () => setInfo(null));
  }, []);
  const folder = (path?: string) => (path ? <Typography.Text copyable style={{ fontFamily: 'monospace', fontSize: 12 }}>{path}</Typography.Text> : '—');
  return (
    <Card title="关于" size="small" data-testid="about-card">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="程序">无废城市建设台账 {info ? `版本 ${info.appVersion}` : ''}</Descriptions.Item>
        <Descriptions.Item label="运行方式">{info?.shell === 'electron' ? '桌面程序' : '浏览器（数据保存在本浏览器中）'}</Descriptions.Item>
        {info?.folders && (
          <>
            <Descriptions.Item label="数据文件夹">{folder(info.folders.data)}</Descriptions.Item>
            <Descriptions.Item label="备份文件夹">{folder(info.folders.backups)}</Descriptions.Item>
            <Descriptions.Item label="日志文件夹">{folder(info.folders.logs)}</Descriptions.Item>
            <Descriptions.Item label="崩溃记录">{folder(info.folders.crashDumps)}（只保存在本机，不会上传）</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {info?.folders && <Typography.Text type="secondary">程序出错时，请把日志文件夹中的文件发给技术人员。</Typography.Text>}
    </Card>
  );
}
