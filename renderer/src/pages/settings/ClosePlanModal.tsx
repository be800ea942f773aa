import { useMemo } from 'react';
import { Alert, Col, Modal, Row, Statistic, Typography } from 'antd';
import type { PlanPeriod } from '../../../../shared/domain/plan-period';
import type { PlanData } from '../../../../shared/views/plan-data';
import { assessPlan, assessmentSummary } from '../../../../shared/views/assessment';
import { scopeToPlan } from '../../../../shared/views/plan-scope';
import { chinaToday } from '../../../../shared/domain/time';

/** Closing a plan: the final assessment as it will be kept, then the clerk confirms. */
export function ClosePlanModal(props: { plan: PlanPeriod | null; all: PlanData; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { plan } = props;
  const summary = useMemo(() => (plan ? assessmentSummary(assessPlan(scopeToPlan(props.all, plan.id), plan, chinaToday())) : null), [plan, props.all]);
  return (
    <Modal
      open={!!plan}
      title={plan ? `结束方案并终期评估：${plan.title}` : ''}
      okText="确认结束，保存终期评估"
      okButtonProps={{ danger: true, loading: props.busy, ...{ 'data-testid': 'confirm-close-plan' } }}
      cancelText="取消"
      onOk={props.onConfirm}
      onCancel={props.onCancel}
      destroyOnClose
    >
      {summary && (
        <>
          <Row gutter={16} style={{ marginBottom: 12 }}>
            <Col span={8}>
              <Statistic title="任务完成" value={summary.tasksDone} suffix={`/ ${summary.tasks}`} />
            </Col>
            <Col span={8}>
              <Statistic title="指标达标" value={summary.indicatorsMet} suffix={`/ ${summary.indicators}`} />
            </Col>
            <Col span={8}>
              <Statistic title="完成投资（万元）" value={summary.completed} suffix={`/ ${summary.planned}`} />
            </Col>
          </Row>
          <Alert
            type="warning"
            showIcon
            message="结束后，本方案的任务、项目、指标和进展都变为只读，终期评估结果随方案保存，可导出 Excel。"
            description="未完成的任务可在开始下一期方案时结转。此操作可用“撤销”立即撤回。"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            评估口径：任务按今天的状态判定；指标按方案最后一年（{plan?.toYear}年）的目标和最后填报的实际值判定；项目按最后一次填报的累计完成投资。
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
