import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Empty, Form, Input, List, Modal, Row, Select, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useLedger, type PlanView } from '../app/store';
import { desktop } from '../platform';
import {
  applyImport,
  exportBundle,
  listOpenConflicts,
  prepareImport,
  recordRefusal,
  resolveOpenConflict,
  revokeKey,
  trustKey,
  recordLabel,
  type OpenConflict,
  type PreparedImport,
  type Receiver,
} from '../exchange/exchange-service';
import { deviceIdentity, importHistory, trustedKeys, type DeviceIdentity, type TrustedKey } from '../exchange/exchange-store';
import type { ImportRecord } from '../../../shared/exchange/history';
import { TABLE_LABELS } from '../../../shared/exchange/bundle-format';
import { publicKeyBytes } from '../../../shared/exchange/identity';
import { ownBuffer } from '../../../shared/exchange/bytes';
import type { ButtonProps } from 'antd';
import { divisionName, subordinatesOf } from '../../../shared/domain/divisions';
import { fieldLabel } from '../../../shared/ledger/field-labels';
import { formatMomentZh } from '../../../shared/domain/time';
import { showValue } from '../components/show-value';

const BUNDLE_FILTERS = [{ name: '无废城市交换文件', extensions: ['zwb'] }];
const OUTCOME: Record<ImportRecord['outcome'], { color: string; label: string }> = {
  merged: { color: 'green', label: '已合并' },
  refused: { color: 'red', label: '已拒绝' },
  'already-imported': { color: 'default', label: '重复，未处理' },
};

const when = (iso: string) => formatMomentZh(iso);

/**
 * 数据交换: this installation's key, exporting a signed bundle, importing one with a preview,
 * the keys this office trusts, the import history, and conflicts waiting for a person.
 */
export function ExchangePage({ plan }: { plan: PlanView }) {
  const { message, modal } = AntApp.useApp();
  const repo = useLedger((s) => s.repo);
  const period = useLedger((s) => s.period);
  const reload = useLedger((s) => s.reload);
  const phase = useLedger((s) => s.phase);
  const role = phase.kind === 'ready' ? phase.settings.role : 'county';
  const receiver: Receiver = useMemo(() => ({ officeCode: plan.office.code, level: role }), [plan.office.code, role]);

  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [keys, setKeys] = useState<TrustedKey[]>([]);
  const [history, setHistory] = useState<ImportRecord[]>([]);
  const [conflicts, setConflicts] = useState<OpenConflict[]>([]);
  const [pending, setPending] = useState<PreparedImport | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<{ officeCode: string; replaces?: TrustedKey } | null>(null);
  const [lastFile, setLastFile] = useState<{ name: string; data: Uint8Array } | null>(null);

  const refresh = useCallback(async () => {
    if (!repo) return;
    setIdentity(await deviceIdentity(repo.db, desktop.keyVault));
    setKeys(await trustedKeys(repo.db));
    setHistory(await importHistory(repo.db));
    setConflicts(await listOpenConflicts(repo.db, plan.office.code));
  }, [repo, plan.office.code]);

  useEffect(() => {
    void refresh();
  }, [refresh, phase]);

  if (!repo) return null;
  const offices = [plan.office.code, ...(role === 'city' ? subordinatesOf(plan.office.code).map((s) => s.code) : [])];

  const doExport = async () => {
    setBusy(true);
    try {
      const out = await exportBundle(repo, plan.office.code, period, desktop.keyVault);
      const saved = await desktop.saveFile({ suggestedName: out.fileName, data: ownBuffer(out.bytes), filters: BUNDLE_FILTERS });
      if (saved) message.success(`已导出 ${saved}（序号 ${out.sequence}，${out.recordCount} 条记录）`);
    } catch (e) {
      message.error(`导出失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const afterRefusal = async (p: Exclude<PreparedImport, { kind: 'ready' }>) => {
    await recordRefusal(repo.db, p);
    await refresh();
    if (p.kind === 'refused' && p.refusal.level === 'noop') message.info(p.refusal.message);
    else if (p.kind === 'refused') modal.error({ title: `未导入：${p.fileName}`, content: <span data-testid="import-refused">{p.refusal.message}</span> });
  };

  const check = async (file: { name: string; data: Uint8Array }) => {
    const prepared = await prepareImport(repo, receiver, file);
    if (prepared.kind === 'refused') {
      await afterRefusal(prepared);
      return;
    }
    setPending(prepared);
    // Kept so that, once its key is trusted, the file is checked again from the start.
    setLastFile(file);
  };

  const doImport = async () => {
    const file = await desktop.openFile({ filters: BUNDLE_FILTERS });
    if (!file) return;
    setBusy(true);
    try {
      await check(file);
    } catch (e) {
      message.error(`无法读取 ${file.name}：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const trustAndContinue = async () => {
    if (pending?.kind !== 'untrusted' || !lastFile) return;
    await trustKey(repo.db, { officeCode: pending.officeCode, publicKey: pending.publicKey, label: `${divisionName(pending.officeCode)} · ${pending.refusal.detail.deviceId ?? ''}` });
    setPending(null);
    await refresh();
    await check(lastFile);
  };

  const confirmMerge = async () => {
    if (pending?.kind !== 'ready') return;
    setBusy(true);
    try {
      const entry = await applyImport(repo, pending);
      setPending(null);
      // reload() replaces the store's phase, and the effect above re-reads this page then.
      await reload();
      message.success(`已合并 ${divisionName(entry.officeCode)} ${entry.period} 的数据：新增 ${entry.counts?.added ?? 0} 条，更新 ${entry.counts?.changed ?? 0} 条`);
    } catch (e) {
      message.error(`合并失败，未写入任何数据：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const cancelPending = async () => {
    if (pending && pending.kind !== 'ready') await afterRefusal(pending);
    setPending(null);
  };

  const resolve = async (c: OpenConflict, value: unknown) => {
    await resolveOpenConflict(repo, c.table, c.id, c.field, value);
    await reload();
    message.success(`已处理冲突：${c.title} · ${fieldLabel(c.field)}`);
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        数据交换
      </Typography.Title>
      <Row gutter={16}>
        <Col span={12}>
          <Card title="本机签名密钥" size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="单位">{plan.office.name}</Descriptions.Item>
              <Descriptions.Item label="设备标识">{repo.clock.deviceId}</Descriptions.Item>
              <Descriptions.Item label="公钥">
                <Typography.Text copyable={{ text: identity?.publicKey ?? '' }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="own-public-key">
                  {identity?.publicKey ?? '…'}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="密钥指纹">
                <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 16, letterSpacing: 1 }} data-testid="own-fingerprint">
                  {identity?.fingerprint ?? '…'}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
              对方第一次导入本机的文件时，会看到这串数字。请通过电话逐组念给对方核对，一致才可信任。
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col span={12}>
          <Card title="导出与导入" size="small">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                导出本单位全部数据（{period.replace('-', '年')}月），交给本单位另一台电脑{role === 'city' ? '' : '或报送市无废办'}：
              </Typography.Text>
              <Button type="primary" icon={<DownloadOutlined />} onClick={doExport} loading={busy} data-testid="export-bundle">
                导出交换文件
              </Button>
              <Typography.Text>
                导入{role === 'city' ? '所辖旗区或' : ''}本单位其他电脑导出的文件（先校验，确认后才写入）：
              </Typography.Text>
              <Button icon={<UploadOutlined />} onClick={doImport} loading={busy} data-testid="import-bundle">
                导入交换文件
              </Button>
            </Space>
          </Card>
        </Col>
      </Row>

      {conflicts.length > 0 && (
        <Alert type="warning" showIcon message={`有 ${conflicts.length} 处修改冲突待处理：两台电脑同时改了同一项内容，请选择保留哪一个。`} />
      )}

      <Tabs
        items={[
          {
            key: 'conflicts',
            label: `待处理冲突（${conflicts.length}）`,
            children: conflicts.length ? (
              <List
                data-testid="conflict-list"
                dataSource={conflicts}
                renderItem={(c) => (
                  <List.Item>
                    <Space direction="vertical" style={{ width: '100%' }}>
                      <Typography.Text strong>
                        {TABLE_LABELS[c.table]} · {c.title} · {fieldLabel(c.field)}
                      </Typography.Text>
                      <div>
                        {c.values.map((v) => (
                          <Space key={v.stamp} style={{ display: 'flex', marginBottom: 4 }} data-testid="conflict-value">
                            <Button size="small" onClick={() => resolve(c, v.value)} data-testid="keep-value">
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
            ) : (
              <Empty description="没有冲突" />
            ),
          },
          {
            key: 'history',
            label: `导入记录（${history.length}）`,
            children: (
              <Table
                size="small"
                rowKey={(r) => `${r.at}-${r.fileName}`}
                dataSource={[...history].reverse()}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="import-history"
                columns={[
                  { title: '时间', dataIndex: 'at', render: when, width: 170 },
                  { title: '单位', dataIndex: 'officeCode', render: (c: string) => (c ? divisionName(c) : '—'), width: 110 },
                  { title: '期间', dataIndex: 'period', width: 90 },
                  { title: '设备 / 序号', render: (_, r) => (r.deviceId ? `${r.deviceId} / ${r.sequence}` : '—'), width: 170 },
                  { title: '结果', dataIndex: 'outcome', width: 110, render: (o: ImportRecord['outcome']) => <Tag color={OUTCOME[o].color}>{OUTCOME[o].label}</Tag> },
                  {
                    title: '说明',
                    render: (_, r) =>
                      r.reason ?? (r.counts ? `新增 ${r.counts.added}，更新 ${r.counts.changed}，冲突 ${r.counts.conflicts}` : ''),
                  },
                  { title: '文件', dataIndex: 'fileName', ellipsis: true },
                ]}
              />
            ),
          },
          {
            key: 'trust',
            label: `可信密钥（${keys.filter((k) => !k.revoked).length}）`,
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Button onClick={() => setAdding({ officeCode: offices[0] })} data-testid="trust-add">
                  登记密钥
                </Button>
                <Table
                  size="small"
                  rowKey={(k) => `${k.officeCode}-${k.publicKey}`}
                  dataSource={keys}
                  pagination={false}
                  data-testid="trust-table"
                  columns={[
                    { title: '单位', dataIndex: 'officeCode', render: divisionName, width: 110 },
                    { title: '说明', dataIndex: 'label' },
                    { title: '指纹', dataIndex: 'fingerprint', render: (f: string) => <Typography.Text style={{ fontFamily: 'monospace' }}>{f}</Typography.Text> },
                    { title: '登记时间', dataIndex: 'addedAt', render: when, width: 170 },
                    { title: '状态', render: (_, k) => (k.revoked ? <Tag color="red">已吊销</Tag> : <Tag color="green">有效</Tag>), width: 80 },
                    {
                      title: '操作',
                      width: 170,
                      render: (_, k) =>
                        k.revoked ? null : (
                          <Space>
                            <Button size="small" onClick={() => setAdding({ officeCode: k.officeCode, replaces: k })}>
                              更换
                            </Button>
                            <Button
                              size="small"
                              danger
                              onClick={() =>
                                modal.confirm({
                                  title: '吊销此密钥？',
                                  content: `吊销后，这台电脑（指纹 ${k.fingerprint}）导出的文件都将被拒绝，包括吊销前导出的。用于电脑丢失或更换。`,
                                  okText: '吊销',
                                  okButtonProps: { danger: true },
                                  onOk: async () => {
                                    await revokeKey(repo.db, k.publicKey, k.officeCode);
                                    await refresh();
                                  },
                                })
                              }
                            >
                              吊销
                            </Button>
                          </Space>
                        ),
                    },
                  ]}
                />
              </Space>
            ),
          },
        ]}
      />

      <TrustKeyModal
        open={!!adding}
        offices={offices}
        initialOffice={adding?.officeCode ?? offices[0]}
        replacing={adding?.replaces}
        onCancel={() => setAdding(null)}
        onSave={async (v) => {
          await trustKey(repo.db, v);
          if (adding?.replaces) await revokeKey(repo.db, adding.replaces.publicKey, adding.replaces.officeCode);
          setAdding(null);
          await refresh();
          message.success('已登记');
        }}
      />

      <Modal
        open={pending?.kind === 'untrusted'}
        title="首次收到这台电脑的文件：请核对密钥指纹"
        okText="核对无误，信任并继续"
        cancelText="不信任，取消导入"
        okButtonProps={{ 'data-testid': 'trust-and-continue' } as ButtonProps}
        width={640}
        onOk={trustAndContinue}
        onCancel={cancelPending}
        destroyOnClose
      >
        {pending?.kind === 'untrusted' && (
          <Space direction="vertical">
            <Typography.Text>
              文件：{pending.fileName}，自称来自 <b>{divisionName(pending.officeCode)}</b>（设备 {pending.refusal.detail.deviceId}）。
            </Typography.Text>
            <Typography.Text>请打电话给对方，请对方打开“数据交换”页念出本机密钥指纹，与下面逐组核对：</Typography.Text>
            <Typography.Text strong style={{ fontFamily: 'monospace', fontSize: 20, letterSpacing: 1, whiteSpace: 'nowrap' }} data-testid="import-fingerprint">
              {pending.fingerprint}
            </Typography.Text>
            <Typography.Text type="secondary">不一致时请取消：文件可能被冒名或篡改。</Typography.Text>
          </Space>
        )}
      </Modal>

      <Modal
        open={pending?.kind === 'ready'}
        title="导入预览：确认后才写入"
        okText="确认合并"
        cancelText="取消"
        okButtonProps={{ 'data-testid': 'confirm-merge', loading: busy } as ButtonProps}
        onOk={confirmMerge}
        onCancel={() => setPending(null)}
        width={720}
        destroyOnClose
      >
        {pending?.kind === 'ready' && <ImportPreview prepared={pending} />}
      </Modal>
    </Space>
  );
}

function ImportPreview({ prepared }: { prepared: Extract<PreparedImport, { kind: 'ready' }> }) {
  const m = prepared.bundle.manifest;
  const p = prepared.preview;
  // Records are named as a clerk knows them: task titles, department names, progress by month.
  const names = useMemo(() => {
    const out = new Map<string, string>();
    for (const rows of Object.values(prepared.bundle.payload.tables)) for (const r of rows) out.set(String(r.id ?? r.code), recordLabel(r));
    return out;
  }, [prepared]);
  const name = (id: string) => names.get(id) ?? id;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-preview">
      <Typography.Text>
        {divisionName(m.officeCode)} · {m.period} · 设备 {m.deviceId} 第 {m.sequence} 份 · 导出于 {when(m.createdAt)}
      </Typography.Text>
      <Row gutter={16}>
        <Col span={8}>
          <Statistic title="新增" value={p.added.length} suffix="条" />
        </Col>
        <Col span={8}>
          <Statistic title="更新" value={p.changed.length} suffix="条" />
        </Col>
        <Col span={8}>
          <Statistic title="冲突" value={p.conflicts.length} suffix="处" valueStyle={p.conflicts.length ? { color: '#d4380d' } : undefined} />
        </Col>
      </Row>
      {p.changed.length + p.added.length === 0 && <Alert type="info" message="文件中的数据本机都已有，合并不会改变任何内容。" />}
      <List
        size="small"
        bordered
        style={{ maxHeight: 260, overflow: 'auto' }}
        dataSource={[
          ...p.added.map((a) => `新增 ${TABLE_LABELS[a.table]}：${name(a.id)}${a.deleted ? '（已删除）' : ''}`),
          ...p.changed.map((c) => `更新 ${TABLE_LABELS[c.table]}「${name(c.id)}」：${c.fields.map(fieldLabel).join('、')}${c.liveness === 'deleted' ? '（删除）' : c.liveness === 'restored' ? '（恢复）' : ''}`),
          ...p.conflicts.map((c) => `冲突 ${TABLE_LABELS[c.table]}「${name(c.id)}」：${fieldLabel(c.field)}`),
        ].slice(0, 200)}
        renderItem={(line) => <List.Item>{line}</List.Item>}
      />
    </Space>
  );
}

function TrustKeyModal(props: {
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
