import { useEffect, useState } from 'react';
import { Alert, Col, Row, Space, Tabs, Typography } from 'antd';
import type { TrustedKey } from '../../../../shared/app/trust/trust-service';
import type { PlanData } from '../../../../shared/views/plan-data';
import { useExchange } from './use-exchange';
import { OwnKeyCard } from './OwnKeyCard';
import { TransferCard } from './TransferCard';
import { ConflictList } from './ConflictList';
import { ImportHistoryTable } from './ImportHistoryTable';
import { TrustTable } from './TrustTable';
import { TrustKeyModal } from './TrustKeyModal';
import { BundleImportDrawer } from './BundleImportDrawer';
import { onOpenedBundle, takeOpenedBundles } from '../../app/opened-bundles';
import { useBundleBatch } from './use-bundle-batch';
import { useFileDrop } from '../../components/excel/use-file-drop';
import { DropHint } from '../../components/excel/DropHint';
import { requestedTab } from '../../app/navigation';
import { RaiseNotice } from '../../components/problems/RaiseNotice';

const TAB_KEYS = ['conflicts', 'history', 'trust'] as const;

/** The tab a link asked for (e.g. a 有冲突 mark opens 待处理冲突), else the first. */
function linkedTab(): string {
  const tab = requestedTab();
  return tab && (TAB_KEYS as readonly string[]).includes(tab) ? tab : TAB_KEYS[0];
}

/**
 * 数据交换: this installation's key, exporting a signed bundle, importing one with a preview,
 * the keys this office trusts, the import history, and conflicts waiting for a person.
 */
export function ExchangePage({ plan }: { plan: PlanData }) {
  const x = useExchange(plan);
  const [adding, setAdding] = useState<{ officeCode: string; replaces?: TrustedKey } | null>(null);
  // The first office without a key (at a city, a county office), else this office's other laptops.
  const firstOffice = x.offices[0]?.code ?? plan.office.code;
  const batch = useBundleBatch(x.receiver, x.refresh);
  const { add } = batch;
  useEffect(() => {
    // Files the desktop was asked to open (double-click, a second start) join this page's import.
    const take = () => {
      const files = takeOpenedBundles();
      if (files.length) void add(files);
    };
    take();
    return onOpenedBundle(take);
  }, [add]);
  const dragging = useFileDrop((entries, loose) => void batch.drop(entries, loose));
  const [tab, setTab] = useState(linkedTab);
  useEffect(() => {
    // A 有冲突 mark clicked while this page is already open changes only the hash.
    const follow = () => setTab(linkedTab());
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        数据交换
      </Typography.Title>
      <RaiseNotice />
      <Row gutter={16}>
        <Col span={12}>
          <OwnKeyCard officeName={plan.office.name} deviceId={x.deviceId} identity={x.identity} />
        </Col>
        <Col span={12}>
          <TransferCard
            period={x.period}
            isCity={x.role === 'city'}
            busy={x.busy || batch.busy}
            onExport={x.actions.exportBundle}
            onImport={() => void batch.choose(false)}
            onImportFolder={() => void batch.choose(true)}
          />
        </Col>
      </Row>

      {x.conflicts.length > 0 && <Alert type="warning" showIcon message={`有 ${x.conflicts.length} 处修改冲突待处理：两台电脑同时改了同一项内容，请选择保留哪一个。`} />}

      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'conflicts', label: `待处理冲突（${x.conflicts.length}）`, children: <ConflictList conflicts={x.conflicts} onKeep={x.actions.resolve} /> },
          { key: 'history', label: `导入记录（${x.history.length}）`, children: <ImportHistoryTable history={x.history} /> },
          {
            key: 'trust',
            label: `可信密钥（${x.keys.filter((k) => !k.revoked).length}）`,
            children: (
              <TrustTable
                keys={x.keys}
                onAdd={() => setAdding({ officeCode: firstOffice })}
                onReplace={(k) => setAdding({ officeCode: k.officeCode, replaces: k })}
                onRevoke={x.actions.revoke}
              />
            ),
          },
        ]}
      />

      <TrustKeyModal
        open={!!adding}
        offices={x.offices}
        initialOffice={adding?.officeCode ?? firstOffice}
        replacing={adding?.replaces}
        onCancel={() => setAdding(null)}
        onSave={async (v) => {
          await x.actions.register(v, adding?.replaces);
          setAdding(null);
        }}
      />

      <DropHint visible={dragging} title="松开鼠标，导入交换文件" detail="可以是多个 .zwb 文件或整个文件夹；逐个校验并预览，确认后才写入" />
      <BundleImportDrawer
        items={batch.items}
        reading={batch.reading}
        busy={batch.busy}
        onAddFiles={() => void batch.choose(false)}
        onAddFolder={() => void batch.choose(true)}
        onTrust={(i) => void batch.trust(i)}
        onConfirm={() => void batch.confirm()}
        onClose={() => void batch.close()}
      />
    </Space>
  );
}
