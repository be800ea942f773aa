import { useState } from 'react';
import { App as AntApp, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { keyChangeNotice } from '../../../../shared/app/trust/key-change';
import { ownBuffer } from '../../../../shared/exchange/bytes';
import { chinaToday, formatDateZh } from '../../../../shared/domain/time';
import { useWorkspace } from '../../app/store';
import { desktop } from '../../platform';
import { useBusy } from '../../app/use-busy';

const KEY_FILTERS = [{ name: '签名密钥文件', extensions: ['zwkey'] }];
type Asking = { kind: 'export' } | { kind: 'import'; file: { name: string; data: Uint8Array } } | { kind: 'notice'; text: string } | { kind: 'old-fingerprint' };

/**
 * 更换电脑: the desktop carries its signing key to a new laptop in a file protected by a passphrase
 * (made and opened in the main process, electron/lib/key-transfer.ts), or starts with a new key;
 * both builds write the 换机说明 that tells the city of a new key.
 */
export function KeyMoveCard({ officeCode, officeName }: { officeCode: string; officeName: string }) {
  const { message, modal } = AntApp.useApp();
  const ws = useWorkspace();
  const vault = desktop.keyVault;
  const [asking, setAsking] = useState<Asking | null>(null);
  const { busy, run } = useBusy();
  const [form] = Form.useForm<{ passphrase: string; repeat?: string; oldFingerprint?: string }>();

  const notice = async (oldFingerprint: string | null) => {
    const id = await ws.exchange.identity();
    const text = keyChangeNotice({ officeCode, officeName, oldFingerprint, newFingerprint: id.fingerprint, newPublicKey: id.publicKey, date: formatDateZh(chinaToday()), deviceId: ws.deviceId });
    setAsking({ kind: 'notice', text });
  };
  const submit = () =>
    run(async () => {
      const v = await form.validateFields();
      if (asking?.kind === 'export' && vault?.exportKey) {
        const data = await vault.exportKey({ passphrase: v.passphrase });
        const saved = await desktop.saveFile({ suggestedName: `签名密钥-${officeName}-${chinaToday()}.zwkey`, data: ownBuffer(data), filters: KEY_FILTERS });
        if (saved) message.success(`已导出：${saved}。请把文件和口令分开带到新电脑。`);
      } else if (asking?.kind === 'import' && vault?.importKey) {
        const id = await vault.importKey({ data: ownBuffer(asking.file.data), passphrase: v.passphrase });
        message.success(`已导入原电脑的密钥，指纹 ${id.fingerprint}`);
      } else if (asking?.kind === 'old-fingerprint') {
        return notice(v.oldFingerprint?.trim() || null);
      }
      setAsking(null);
    });
  const renewKey = () =>
    modal.confirm({
      title: '改用新密钥？',
      content: '原密钥将不再使用；市无废办按换机说明登记新密钥之前，本机导出的交换文件会被拒收。',
      okText: '改用新密钥',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(async () => notice((await vault!.newKey!()).previous?.fingerprint ?? null)),
    });
  const open = (next: Asking) => {
    form.resetFields();
    setAsking(next);
  };

  return (
    <Card title="更换电脑" size="small" data-testid="key-move-card">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text>
          换新电脑时：先在“备份与恢复”中备份、在新电脑上恢复；再{vault ? '把签名密钥导出（设定口令），在新电脑上导入，市无废办不用重新登记。' : '在新电脑的“数据交换”页生成新密钥，'}
          {vault ? '旧密钥无法导出时，可改用新密钥，' : ''}并把“换机说明”交给市无废办登记新密钥。
        </Typography.Text>
        <Space wrap>
          {vault?.exportKey && <Button onClick={() => open({ kind: 'export' })}>导出签名密钥…</Button>}
          {vault?.importKey && (
            <Button loading={busy} onClick={() => void run(async () => { const file = await desktop.openFile({ filters: KEY_FILTERS }); if (file) open({ kind: 'import', file }); })}>
              导入原电脑的密钥…
            </Button>
          )}
          {vault?.newKey && <Button danger onClick={renewKey}>改用新密钥…</Button>}
          <Button onClick={() => open({ kind: 'old-fingerprint' })} data-testid="key-change-notice">生成换机说明…</Button>
        </Space>
      </Space>
      <Modal open={!!asking && asking.kind !== 'notice'} title={asking?.kind === 'export' ? '导出签名密钥' : asking?.kind === 'import' ? `导入密钥：${asking.file.name}` : '换机说明'} okText="确定" cancelText="取消" confirmLoading={busy} onOk={() => void submit()} onCancel={() => setAsking(null)} destroyOnClose>
        <Form form={form} layout="vertical">
          {asking?.kind === 'old-fingerprint' ? (
            <Form.Item name="oldFingerprint" label="原电脑的密钥指纹（8 组数字；不知道可留空）" rules={[{ pattern: /^\s*(\d{4}\s*){8}$/, message: '应为 8 组 4 位数字' }]}>
              <Input placeholder="如 0412 9937 1180 5521 0203 7741 3388 9012" />
            </Form.Item>
          ) : (
            <Form.Item name="passphrase" label={asking?.kind === 'export' ? '设定口令（至少 10 个字符，可用一句好记的话）' : '导出时设定的口令'} rules={[{ required: true, message: '请输入口令' }, ...(asking?.kind === 'export' ? [{ min: 10, message: '口令至少 10 个字符' }] : [])]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          {asking?.kind === 'export' && (
            <Form.Item name="repeat" label="再输入一次口令" dependencies={['passphrase']} rules={[{ required: true, message: '请再输入一次口令' }, ({ getFieldValue }) => ({ validator: async (_, v) => { if (v && v !== getFieldValue('passphrase')) throw new Error('两次输入的口令不一致'); } })]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal open={asking?.kind === 'notice'} title="换机说明" okText="保存为文本文件" cancelText="关闭" onCancel={() => setAsking(null)}
        onOk={() => void run(async () => { if (asking?.kind === 'notice') await desktop.saveFile({ suggestedName: `换机说明-${officeName}-${chinaToday()}.txt`, data: new TextEncoder().encode(asking.text.replace(/\n/g, '\r\n')), filters: [{ name: '文本文件', extensions: ['txt'] }] }); })}>
        <Typography.Paragraph copyable={{ text: asking?.kind === 'notice' ? asking.text : '' }}>打印或保存后交市无废办：</Typography.Paragraph>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }} data-testid="key-change-text">{asking?.kind === 'notice' ? asking.text : ''}</pre>
      </Modal>
    </Card>
  );
}
