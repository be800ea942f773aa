import { Card, Descriptions, Typography } from 'antd';
import { FingerprintGroups } from './FingerprintGroups';
import type { DeviceIdentity } from '../../../../shared/app/trust/device-identity';

/** This laptop's signing key, with the fingerprint a clerk reads out over the phone. */
export function OwnKeyCard({ officeName, deviceId, identity }: { officeName: string; deviceId: string; identity: DeviceIdentity | null }) {
  return (
    <Card title="本机签名密钥" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="单位">{officeName}</Descriptions.Item>
        <Descriptions.Item label="设备标识">{deviceId}</Descriptions.Item>
        <Descriptions.Item label="公钥">
          <Typography.Text copyable={{ text: identity?.publicKey ?? '' }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="own-public-key">
            {identity?.publicKey ?? '…'}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="密钥指纹">
          <FingerprintGroups fingerprint={identity?.fingerprint ?? '…'} testId="own-fingerprint" />
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        对方第一次导入本机的文件时，会看到这串数字。请通过电话逐组念给对方核对，一致才可信任。换新电脑时，可在“设置 → 更换电脑”中带走本机密钥，或生成换机说明交市无废办。
      </Typography.Paragraph>
    </Card>
  );
}
