import { Button, Empty, List, Space, Typography } from 'antd';
import type { OpenConflict } from '../../../../shared/app/exchange-service';
import { TABLE_LABELS } from '../../../../shared/exchange/bundle-format';
import { fieldLabel } from '../../../../shared/ledger/field-labels';
import { showValue } from '../../components/show-value';

/** Fields two laptops changed at once: every value kept, until a clerk keeps one. */
export function ConflictList({ conflicts, onKeep }: { conflicts: readonly OpenConflict[]; onKeep: (c: OpenConflict, value: unknown) => void }) {
  if (!conflicts.length) return <Empty description="没有冲突" />;
  return (
    <List
      data-testid="conflict-list"
      dataSource={[...conflicts]}
      renderItem={(c) => (
        <List.Item>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>
              {TABLE_LABELS[c.table]} · {c.title} · {fieldLabel(c.field)}
            </Typography.Text>
            <div>
              {c.values.map((v) => (
                <Space key={v.stamp} style={{ display: 'flex', marginBottom: 4 }} data-testid="conflict-value">
                  <Button size="small" onClick={() => onKeep(c, v.value)} data-testid="keep-value">
                    保留此项
                  </Button>
                  <Typography.Text>{showValue(v.value)}</Typography.Text>
                  <Typography.Text type="secondary">（设备 {v.stamp.split(':')[2]}）</Typography.Text>
                </Space>
              ))}
            </div>
          </Space>
        </List.Item>
      )}
    />
  );
}
