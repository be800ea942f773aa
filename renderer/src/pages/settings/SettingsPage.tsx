import { useState } from 'react';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import type { PlanPeriod } from '../../../../shared/domain/plan-period';
import type { NextPlanInput } from '../../../../shared/app/plan-periods/plan-periods';
import { divisionName } from '../../../../shared/domain/divisions';
import { useAppState, useWorkspace } from '../../app/store';
import { useCommit } from '../../app/use-commit';
import { saveWorkbook } from '../../components/excel/files';
import { loadXlsx } from '../../components/excel/xlsx';
import { PlansTable } from './PlansTable';
import { YearDocumentButton } from '../../components/documents/YearDocumentButton';
import { ClosePlanModal } from './ClosePlanModal';
import { NextPlanModal } from './NextPlanModal';
import { RevisePlanModal } from './RevisePlanModal';
import { EditPlanModal } from './EditPlanModal';
import { ResetCard } from './ResetCard';
import { BackupCard } from './BackupCard';
import { DeviceSeriesCard } from './DeviceSeriesCard';
import { KeyMoveCard } from './KeyMoveCard';
import { AboutCard } from './AboutCard';
import { useBusy } from '../../app/use-busy';

/** 设置: the office and its plan periods (view, revise, close with the final assessment, start the next), and starting again. */
export function SettingsPage() {
  const phase = useAppState((s) => s.phase);
  const viewPlan = useAppState((s) => s.viewPlan);
  const commit = useCommit();
  const ws = useWorkspace();
  const [closing, setClosing] = useState<PlanPeriod | null>(null);
  const [revising, setRevising] = useState<PlanPeriod | null>(null);
  const [editing, setEditing] = useState<PlanPeriod | null>(null);
  const [starting, setStarting] = useState(false);
  const { busy, run } = useBusy();
  if (phase.kind !== 'ready') return null;
  const { all, viewPlanId, settings } = phase;
  const office = all.office;
  const plans = office.plans ?? [];
  const current = plans.find((p) => p.id === office.currentPlanId);


  const confirmClose = () =>
    run(async () => {
      if (!closing) return;
      if (await commit(await ws.planPeriods.closeChange(office.code, closing.id), `已结束 ${closing.title}，终期评估已保存`)) setClosing(null);
    });
  const startNext = (v: NextPlanInput) =>
    run(async () => {
      if (await commit(await ws.planPeriods.openChange(office.code, v), `已开始新方案 ${v.title}`)) {
        setStarting(false);
        await viewPlan(undefined);
      }
    });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        设置
      </Typography.Title>
      <Card title="本单位" size="small">
        <Descriptions column={2} size="small">
          <Descriptions.Item label="单位">{office.name}无废办</Descriptions.Item>
          <Descriptions.Item label="区划代码">{office.code}</Descriptions.Item>
          <Descriptions.Item label="级别">{settings.role === 'city' ? '市级' : '旗区县级'}</Descriptions.Item>
          <Descriptions.Item label="上级">{office.parentCode ? divisionName(office.parentCode) : '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title="方案期"
        size="small"
        extra={
          <Space>
            <YearDocumentButton />
            {current?.status === 'closed' && (
              <Button type="primary" onClick={() => setStarting(true)} data-testid="start-next-plan">
                开始下一期方案
              </Button>
            )}
          </Space>
        }
      >
        <PlansTable
          plans={plans}
          currentPlanId={office.currentPlanId}
          viewPlanId={viewPlanId}
          onView={(p) => void viewPlan(p.id)}
          onEdit={setEditing}
          onRevise={setRevising}
          onClose={setClosing}
          onExport={(p) => void run(async () => saveWorkbook((await loadXlsx()).assessmentWorkbook(office.name, p), `终期评估-${office.name}-${p.fromYear}-${p.toYear}.xlsx`))}
        />
      </Card>
      <DeviceSeriesCard office={office} />
      <BackupCard />
      <KeyMoveCard officeCode={office.code} officeName={office.name} />
      <ResetCard officeCode={office.code} officeName={office.name} />
      <AboutCard />
      <ClosePlanModal plan={closing} all={all} busy={busy} onConfirm={confirmClose} onCancel={() => setClosing(null)} />
      <RevisePlanModal
        plan={revising}
        onCancel={() => setRevising(null)}
        onSubmit={(note, on) => void run(async () => (await commit(await ws.planPeriods.reviseChange(office.code, note, on), '已记录方案修订')) && setRevising(null))}
      />
      {editing && (
        <EditPlanModal
          plan={editing}
          all={all}
          busy={busy}
          onCancel={() => setEditing(null)}
          onSubmit={(info) => void run(async () => (await commit(await ws.planPeriods.editChange(office.code, editing.id, info), '已修改方案信息')) && setEditing(null))}
        />
      )}
      <NextPlanModal open={starting} previous={current} all={all} busy={busy} onSubmit={startNext} onCancel={() => setStarting(false)} />
    </Space>
  );
}
