import { useMemo } from 'react';
import { List, Space, Tag, Typography } from 'antd';
import { formatPeriodZh } from '../../../../shared/domain/time';
import { importsFrom } from '../../../../shared/views/city-overview';
import { IMPORT_OUTCOME_LABELS, type ImportRecord } from '../../../../shared/exchange/history';
import { timeZh } from './time-zh';

/** Every bundle that came from one county, newest first, with what became of it. */
export function CountyImportList({ history, code, name }: { history: readonly ImportRecord[]; code: string; name: string }) {
  const imports = useMemo(() => importsFrom(history, code), [history, code]);
  return (
    <List
      size="small"
      bordered
      dataSource={imports}
      locale={{ emptyText: `尚未导入过${name}的交换文件` }}
      renderItem={(h) => (
        <List.Item>
          <Space direction="vertical" size={0}>
            <Space wrap>
              <Typography.Text strong>{h.period ? `${formatPeriodZh(h.period)}报送` : '报送期不明'}</Typography.Text>
              <Tag color={IMPORT_OUTCOME_LABELS[h.outcome].tone}>{IMPORT_OUTCOME_LABELS[h.outcome].text}</Tag>
              {h.counts && (
                <Typography.Text type="secondary">
                  新增 {h.counts.added} 条，修改 {h.counts.changed} 条{h.counts.conflicts > 0 ? `，冲突 ${h.counts.conflicts} 条` : ''}
                </Typography.Text>
              )}
            </Space>
            {h.reason && <Typography.Text type="danger">{h.reason}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {timeZh(h.at)} 导入 · {h.fileName}
              {h.fingerprint ? ` · 签名指纹 ${h.fingerprint}` : ''}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}
