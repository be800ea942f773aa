import { Modal, Space, Typography, type ButtonProps } from 'antd';
import type { PreparedImport } from '../../../../shared/app/exchange-service';
import { divisionName } from '../../../../shared/domain/divisions';

/** A file from a laptop never seen before: the clerk compares its fingerprint by phone, then trusts it. */
export function TrustOnFirstUseModal(props: { pending: PreparedImport | null; busy: boolean; onTrust: () => void; onCancel: () => void }) {
  const p = props.pending?.kind === 'untrusted' ? props.pending : null;
  return (
    <Modal
      open={!!p}
      title="首次收到这台电脑的文件：请核对密钥指纹"
      okText="核对无误，信任并继续"
      cancelText="不信任，取消导入"
      okButtonProps={{ 'data-testid': 'trust-and-continue' } as ButtonProps}
      width={640}
      onOk={props.onTrust}
      confirmLoading={props.busy}
      onCancel={props.onCancel}
      destroyOnClose
    >
      {p && (
        <Space direction="vertical">
          <Typography.Text>
            文件：{p.fileName}，自称来自 <b>{divisionName(p.officeCode)}</b>（设备 {p.refusal.detail.deviceId}）。
          </Typography.Text>
          <Typography.Text>请打电话给对方，请对方打开“数据交换”页念出本机密钥指纹，与下面逐组核对：</Typography.Text>
          <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 1, whiteSpace: 'nowrap' }} data-testid="import-fingerprint">
            {p.fingerprint}
          </Typography.Text>
          <Typography.Text type="secondary">不一致时请取消：文件可能被冒名或篡改。</Typography.Text>
        </Space>
      )}
    </Modal>
  );
}
