import { App as AntApp, Button, Space, Table, Tag, Typography } from 'antd';
import type { TrustedKey } from '../../../../shared/app/trust/trust-service';
import { divisionName } from '../../../../shared/domain/divisions';
import { formatMomentZh } from '../../../../shared/domain/time';

/** The keys this office trusts: register, replace or revoke (a lost laptop). */
export function TrustTable(props: { keys: readonly TrustedKey[]; onAdd: () => void; onReplace: (k: TrustedKey) => void; onRevoke: (k: TrustedKey) => Promise<void> }) {
  const { modal } = AntApp.useApp();
  const confirmRevoke = (k: TrustedKey) =>
    modal.confirm({
      title: '吊销此密钥？',
      content: `吊销后，这台电脑（指纹 ${k.fingerprint}）导出的文件都将被拒绝，包括吊销前导出的。用于电脑丢失或更换。`,
      okText: '吊销',
      okButtonProps: { danger: true },
      onOk: () => props.onRevoke(k),
    });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button onClick={props.onAdd} data-testid="trust-add">
        登记密钥
      </Button>
      <Table
        size="small"
        rowKey={(k) => `${k.officeCode}-${k.publicKey}`}
        dataSource={[...props.keys]}
        pagination={false}
        data-testid="trust-table"
        columns={[
          { title: '单位', dataIndex: 'officeCode', render: divisionName, width: 110 },
          { title: '说明', dataIndex: 'label' },
          { title: '指纹', dataIndex: 'fingerprint', render: (f: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{f}</Typography.Text> },
          { title: '登记时间', dataIndex: 'addedAt', render: (at: string) => (at ? formatMomentZh(at) : '—'), width: 170 },
          { title: '状态', render: (_, k) => (k.revoked ? <Tag color="red">已吊销</Tag> : <Tag color="green">有效</Tag>), width: 80 },
          {
            title: '操作',
            width: 170,
            render: (_, k) =>
              k.revoked ? null : (
                <Space>
                  <Button size="small" onClick={() => props.onReplace(k)}>
                    更换
                  </Button>
                  <Button size="small" danger onClick={() => confirmRevoke(k)}>
                    吊销
                  </Button>
                </Space>
              ),
          },
        ]}
      />
    </Space>
  );
}
