import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import type { Task } from '../../../shared/domain/task';
import type { IsoDate, Period } from '../../../shared/domain/ids';
import type { TaskRow } from '../../../shared/views/task-query';
import { AWAITING_COMPLETION_LABEL } from '../../../shared/domain/task-status';
import { chinaToday, formatDateZh, formatPeriodZh } from '../../../shared/domain/time';
import { checkDayInput, checkText, parseDayInput, TEXT_LIMITS } from '../../../shared/domain/validation';
import { useCommit } from '../app/use-commit';
import { coreRule, counter } from './field-rules';
import { useTouchedGuard } from './unsaved-guard';
import { taskCompletionChange } from '../../../shared/views/record-edits';

/** A lead unit's claim, from its returned form, that the task is finished: the office confirms it here. */
export interface ClaimedCompletion {
  date: IsoDate;
  evidence: string;
  /** The unit that claimed it. */
  from: string;
  period: Period;
}

/** The claim behind a task shown 待确认完成, if its figure carries one (reporting-rule.ts: a lead unit's report). */
export function claimedCompletion(row: Pick<TaskRow, 'status' | 'latest'>, unitName: (id: string) => string): ClaimedCompletion | undefined {
  const claim = row.status.awaitingCompletion ? row.latest?.completionClaim : undefined;
  if (!claim || !row.latest) return undefined;
  return { ...claim, from: row.latest.departmentId ? unitName(row.latest.departmentId) : row.latest.reportedBy, period: row.latest.period };
}

/** Marks a task done with the day and the evidence (验收材料, 文件号 …), or takes that back; confirms a unit's claim in one click. */
export function CompletionForm({ task, claim }: { task: Task; claim?: ClaimedCompletion }) {
  const commit = useCommit();
  const [form] = Form.useForm<{ date: string; evidence: string }>();
  useTouchedGuard(form, !task.completion);
  const typedDay = Form.useWatch('date', form);
  const readDay = typedDay ? parseDayInput(typedDay) : null;
  const complete = (date: IsoDate, evidence: string) => commit(taskCompletionChange(task, { date, evidence }));
  if (task.completion) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="success" showIcon message={`已于${formatDateZh(task.completion.date)}完成`} description={`完成依据：${task.completion.evidence || '（未填写）'}`} />
        <Button onClick={() => commit(taskCompletionChange(task, null))}>撤回“已完成”</Button>
      </Space>
    );
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {claim && (
        <Alert
          type="warning"
          showIcon
          data-testid="claimed-completion"
          message={`${AWAITING_COMPLETION_LABEL}：${claim.from}在${formatPeriodZh(claim.period)}填报表中报告已于${formatDateZh(claim.date)}完成`}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>完成依据：{claim.evidence}</span>
              <Space wrap>
                <Button type="primary" data-testid="confirm-claimed-completion" onClick={() => void complete(claim.date, claim.evidence)}>
                  确认完成
                </Button>
                <Typography.Text type="secondary">核实无误后确认；日期或依据需要修改的，在下面改好后再标记。</Typography.Text>
              </Space>
            </Space>
          }
        />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: formatDateZh(claim?.date ?? chinaToday()), evidence: claim?.evidence ?? '' }}
        onFinish={(v: { date: string; evidence: string }) => {
          // The rules have accepted the day as typed; it is stored as the day it names, never another.
          const date = parseDayInput(v.date);
          if (!date) return;
          return complete(date, v.evidence.trim());
        }}
        data-testid="completion-form"
      >
        <Form.Item
          name="date"
          label="完成日期"
          extra={readDay ? `即 ${formatDateZh(readDay)}` : '如 2023年6月15日、2023-06-15、2023/6/15 或 2023.6.15'}
          rules={[coreRule((v?: string) => checkDayInput(v, '完成日期', { latest: chinaToday() }))]}
        >
          <Input aria-label="完成日期" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="evidence"
          label="完成依据"
          rules={[{ required: true, whitespace: true, message: '请写明完成依据，如文件名称、验收材料' }, coreRule((v?: string) => checkText(v, '完成依据', TEXT_LIMITS.medium))]}
        >
          <Input.TextArea rows={3} aria-label="完成依据" placeholder="如：《××管理办法》已印发（伊政办发〔2024〕×号）" count={counter(TEXT_LIMITS.medium)} />
        </Form.Item>
        <Button type={claim ? 'default' : 'primary'} htmlType="submit">
          标记为已完成
        </Button>
      </Form>
    </Space>
  );
}
