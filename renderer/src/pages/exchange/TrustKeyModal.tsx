import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import type { TrustedKey } from '../../../../shared/app/trust-service';
import { publicKeyBytes } from '../../../../shared/exchange/identity';
import { divisionName } from '../../../../shared/domain/divisions';

/** Registers a key sent by another office (or replaces one), checked as the clerk types. */
export function TrustKeyModal(props: {
  open: boolean;
  offices: string[];
  initialOffice: string;
  replacing?: TrustedKey;
  onCancel: () => void;
  onSave: (v: { officeCode: string; publicKey: string; label?: string }) => Promise<void>;
}) {
  const [form] = Form.useForm<{ officeCode: string; publicKey: string; label?: string }>();
  useEffect(() => {
    if (props.open) form.setFieldsValue({ officeCode: props.initialOffice, publicKey: '', label: '' });
  }, [props.open, props.initialOffice, form]);
  return (
    <Modal
      open={props.open}
      title={props.replacing ? `更换密钥（原指纹 ${props.replacing.fingerprint} 将被吊销）` : '登记可信密钥'}
      okText="登记"
      cancelText="取消"
      onCancel={props.onCancel}
      onOk={() => form.validateFields().then((v) => props.onSave({ ...v, publicKey: v.publicKey.trim() }))}
      destroyOnClose
    >
      <Form form={form} layout="vertical">
        <Form.Item name="officeCode" label="单位" rules={[{ required: true }]}>
          <Select options={props.offices.map((c) => ({ value: c, label: `${divisionName(c)}（${c}）` }))} disabled={!!props.replacing} />
        </Form.Item>
        <Form.Item
          name="publicKey"
          label="公钥（在对方“数据交换”页可复制，由对方发来）"
          rules={[
            { required: true, message: '请填写公钥' },
            {
              validator: async (_, v?: string) => {
                if (v) publicKeyBytes(v.trim());
              },
            },
          ]}
        >
          <Input.TextArea rows={2} placeholder="44 个字符的 base64 文本" />
        </Form.Item>
        <Form.Item name="label" label="说明">
          <Input placeholder="如：伊金霍洛旗无废办 张三的笔记本" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
