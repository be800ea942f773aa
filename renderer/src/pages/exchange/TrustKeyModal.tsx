import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Space, Typography } from 'antd';
import type { TrustedKey } from '../../../../shared/app/trust/trust-service';
import { readKeyText, type KeyText, type RegistrationOffice } from '../../../../shared/app/trust/key-registration';
import { messageOf } from '../../app/error-text';
import { FingerprintGroups } from './FingerprintGroups';
import { OfficePicker } from './OfficePicker';

type Values = { officeCode: string; publicKey: string; label?: string };

/** The pasted key read as the clerk types: its fingerprint (to compare by phone) or what is wrong with it. */
function useKeyText(text: string | undefined): KeyText | null {
  const [read, setRead] = useState<KeyText | null>(null);
  useEffect(() => {
    let current = true;
    if (!text?.trim()) setRead(null);
    else void readKeyText(text).then((r) => current && setRead(r), (e: unknown) => current && setRead({ ok: false, message: messageOf(e) }));
    return () => {
      current = false;
    };
  }, [text]);
  return read;
}

/**
 * Registers a key sent by another office (or replaces one). The fingerprint shows as soon as the key
 * is pasted, before anything is trusted, so the clerk can compare it by phone first.
 */
export function TrustKeyModal(props: {
  open: boolean;
  offices: readonly RegistrationOffice[];
  initialOffice: string;
  replacing?: TrustedKey;
  onCancel: () => void;
  onSave: (v: Values) => Promise<void>;
}) {
  const [form] = Form.useForm<Values>();
  const text = Form.useWatch('publicKey', form);
  const read = useKeyText(text);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!props.open) return;
    form.setFieldsValue({ officeCode: props.initialOffice, publicKey: '', label: '' });
    setFailure(null);
  }, [props.open, props.initialOffice, form]);

  const save = async () => {
    setFailure(null);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the fields say what is missing
    }
    const key = await readKeyText(v.publicKey);
    if (!key.ok) return;
    setSaving(true);
    try {
      await props.onSave({ ...v, publicKey: key.publicKey, label: v.label?.trim() || undefined });
    } catch (e) {
      setFailure(`未能登记：${messageOf(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={props.open}
      title={props.replacing ? `更换密钥（原指纹 ${props.replacing.fingerprint} 将被吊销）` : '登记可信密钥'}
      okText="指纹一致，登记"
      cancelText="取消"
      confirmLoading={saving}
      onCancel={props.onCancel}
      onOk={() => void save()}
      okButtonProps={{ disabled: !read?.ok, id: 'trust-save' }}
      destroyOnClose
      width={620}
    >
      <Form form={form} layout="vertical" data-testid="trust-form">
        <Form.Item name="officeCode" label="单位" rules={[{ required: true, message: '请选择这把密钥属于哪个单位' }]}>
          <OfficePicker offices={props.offices} disabled={!!props.replacing} />
        </Form.Item>
        <Form.Item
          name="publicKey"
          label="公钥（对方在“数据交换”页复制后发来）"
          rules={[
            {
              validator: async (_, v?: string) => {
                const r = await readKeyText(v ?? '');
                if (!r.ok) throw new Error(r.message);
              },
            },
          ]}
        >
          <Input.TextArea rows={2} placeholder="粘贴对方发来的公钥，44 个字符，以 = 结尾" data-testid="trust-key" />
        </Form.Item>
        {read?.ok && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            message="登记前，请打电话与对方逐组核对密钥指纹"
            description={
              <Space direction="vertical" size={4}>
                <FingerprintGroups fingerprint={read.fingerprint} testId="trust-fingerprint" />
                <Typography.Text type="secondary">对方“数据交换”页“本机签名密钥”处的密钥指纹应与此完全一致；有一位不同就不要登记。</Typography.Text>
              </Space>
            }
          />
        )}
        <Form.Item name="label" label="说明（可不填；填写后冲突中用它称呼这台电脑）">
          <Input placeholder="如：张三的笔记本" maxLength={40} />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon message={failure} data-testid="trust-error" />}
    </Modal>
  );
}
