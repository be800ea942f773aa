import { Button, Space, Table, Tag, Typography } from 'antd';
import { PLAN_STATUS_LABELS, planLabel, type PlanPeriod } from '../../../../shared/domain/plan-period';
import { assessmentSummaryZh } from '../../../../shared/views/assessment';
import { FinalReportButton } from '../../components/documents/FinalReportButton';

const STATUS_COLOR = { 'in-force': 'green', revised: 'gold', closed: 'default' } as const;

/** The office's plan periods, oldest first, with what can be done to each. */
export function PlansTable(props: {
  plans: readonly PlanPeriod[];
  currentPlanId: string | undefined;
  viewPlanId: string | undefined;
  onView: (p: PlanPeriod) => void;
  onEdit: (p: PlanPeriod) => void;
  onRevise: (p: PlanPeriod) => void;
  onClose: (p: PlanPeriod) => void;
  onExport: (p: PlanPeriod) => void;
}) {
  return (
    <Table<PlanPeriod>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={[...props.plans]}
      data-testid="plans-table"
      columns={[
        {
          title: '方案',
          render: (_, p) => (
            <Space direction="vertical" size={0}>
              <Typography.Text strong>{planLabel(p)}</Typography.Text>
              <Typography.Text type="secondary">{p.documentNumber ?? '文号未填'}</Typography.Text>
              {p.revisions?.map((r) => (
                <Typography.Text key={r.on + r.note} type="secondary" style={{ fontSize: 12 }}>
                  修订（{r.on}）：{r.note}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        {
          title: '状态',
          width: 150,
          render: (_, p) => (
            <Space direction="vertical" size={0}>
              <Tag color={STATUS_COLOR[p.status]} data-testid={`plan-status-${p.fromYear}`}>
                {PLAN_STATUS_LABELS[p.status]}
              </Tag>
              {p.id === props.currentPlanId && <Typography.Text type="secondary">现行方案</Typography.Text>}
              {p.id === props.viewPlanId && <Typography.Text type="secondary">正在查看</Typography.Text>}
            </Space>
          ),
        },
        {
          title: '终期评估',
          width: 230,
          render: (_, p) => {
            return p.assessment ? assessmentSummaryZh(p.assessment) : '—';
          },
        },
        {
          title: '操作',
          width: 260,
          render: (_, p) => (
            <Space wrap>
              {p.id !== props.viewPlanId && (
                <Button size="small" onClick={() => props.onView(p)}>
                  查看
                </Button>
              )}
              <Button size="small" onClick={() => props.onEdit(p)} data-testid={`edit-plan-${p.fromYear}`}>
                修改信息
              </Button>
              {p.status !== 'closed' && (
                <>
                  <Button size="small" onClick={() => props.onRevise(p)}>
                    记录修订
                  </Button>
                  <Button size="small" danger onClick={() => props.onClose(p)} data-testid={`close-plan-${p.fromYear}`}>
                    结束并终期评估
                  </Button>
                </>
              )}
              {p.assessment && (
                <Button size="small" onClick={() => props.onExport(p)} data-testid={`export-assessment-${p.fromYear}`}>
                  导出评估 Excel
                </Button>
              )}
              {p.status === 'closed' && p.assessment && <FinalReportButton planId={p.id} />}
            </Space>
          ),
        },
      ]}
    />
  );
}
