import { useMemo } from 'react';
import { Form, Modal, Select, Typography } from 'antd';
import { mergeDepartmentsChange } from '../../../../shared/views/directory-changes';
import { nameLookup } from '../../../../shared/views/lookups';
import type { PlanData } from '../../../../shared/views/plan-data';
import { useCommit } from '../../app/use-commit';

/** The two departments chosen so far: the one kept and the one merged into it (and deleted). */
export interface MergeChoice {
  keep?: string;
  drop?: string;
}

/** 合并重复单位: every reference to the dropped department moves to the kept one; undoable. Open while `choice` is set. */
export function MergeDepartmentsModal(props: { choice: MergeChoice | null; plan: PlanData; onChange: (choice: MergeChoice) => void; onClose: () => void }) {
  const { choice, plan, onChange, onClose } = props;
  const commit = useCommit();
  const dept = useMemo(() => nameLookup(plan.departments), [plan.departments]);

  const merge = async () => {
    if (!choice?.keep || !choice.drop) return;
    const outcome = mergeDepartmentsChange(plan, choice.keep, choice.drop);
    if (!outcome.ok) return;
    if (await commit(outcome.change, `已合并：${dept(choice.drop)} 并入 ${dept(choice.keep)}`)) onClose();
  };

  return (
    <Modal
      open={!!choice}
      title="合并重复单位"
      okText="合并"
      cancelText="取消"
      okButtonProps={{ disabled: !choice?.keep || !choice?.drop || choice.keep === choice.drop }}
      onOk={merge}
      onCancel={onClose}
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">两个名称指同一单位时使用。被并入单位的所有任务、项目、指标都会改为保留单位，其名称成为保留单位的别名。可撤销。</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="保留的单位">
          <Select showSearch optionFilterProp="label" aria-label="保留的单位" value={choice?.keep} onChange={(keep: string) => onChange({ ...choice, keep })} options={plan.departments.map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item label="并入（将被删除）的单位">
          <Select showSearch optionFilterProp="label" aria-label="并入的单位" value={choice?.drop} onChange={(drop: string) => onChange({ ...choice, drop })} options={plan.departments.filter((d) => d.id !== choice?.keep).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
