import { useFormSource } from './use-form-source';
import { checkDeadlineText, checkText, checkWan, TEXT_LIMITS } from '../../../shared/domain/validation';
import { coreRule, counter, useYearWindow } from './field-rules';
import type { PlanData } from '../../../shared/views/plan-data';
import { App as AntApp, Button, Col, Form, Input, Row, Select } from 'antd';
import type { Change } from '../../../shared/app/change';
import { projectEditChange } from '../../../shared/views/record-edits';
import { CONSTRUCTION_STATUS_LABELS, type ConstructionStatus, type Project } from '../../../shared/domain/project';
import { useCommit } from '../app/use-commit';
import { DepartmentSelect } from './DepartmentSelect';

interface Values {
  number: string;
  name: string;
  content: string;
  constructionUnitIds: string[];
  responsibleUnitIds: string[];
  plannedInvestment: string;
  investmentText: string;
  category: string;
  periodText: string;
  deadlineText: string;
  area: string;
  benefit: string;
  constructionStatus: ConstructionStatus;
}

/** Every field of a project; saving writes only what changed, as one undoable action. */
export function ProjectEditor({ project, plan }: { project: Project; plan: PlanData }) {
  const [form] = Form.useForm<Values>();
  const years = useYearWindow(plan);
  const { message } = AntApp.useApp();
  const commit = useCommit();
  const source = useFormSource(
    form,
    {
      number: project.number,
      name: project.name,
      content: project.content,
      constructionUnitIds: project.constructionUnitIds,
      responsibleUnitIds: project.responsibleUnitIds,
      plannedInvestment: project.plannedInvestment ?? '',
      investmentText: project.investmentText ?? '',
      category: project.category ?? '',
      periodText: project.period?.text ?? '',
      deadlineText: project.deadline?.text ?? '',
      area: project.area ?? '',
      benefit: project.benefit ?? '',
      constructionStatus: project.constructionStatus,
    },
    project.id,
  );

  const save = async (v: Values) => {
    // The change is the core's (shared/views/record-edits.ts), the same as `zwc project edit`.
    let change: Change;
    try {
      change = projectEditChange(
        project,
        {
          number: v.number,
          name: v.name,
          content: v.content,
          constructionUnitIds: v.constructionUnitIds ?? [],
          responsibleUnitIds: v.responsibleUnitIds ?? [],
          plannedInvestment: v.plannedInvestment,
          investmentText: v.investmentText,
          category: v.category,
          periodText: v.periodText,
          deadlineText: v.deadlineText,
          area: v.area,
          benefit: v.benefit,
          constructionStatus: v.constructionStatus,
        },
        years,
      );
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      return;
    }
    if (await commit(change)) source.saved();
  };

  return (
    <Form form={form} layout="vertical" onFinish={save} data-testid="project-editor">
      <Row gutter={12}>
        <Col span={4}>
          <Form.Item name="number" label="序号" rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="name" label="项目名称" rules={[coreRule((v?: string) => checkText(v, '项目名称', TEXT_LIMITS.title, true))]}>
            <Input aria-label="项目名称" count={counter(TEXT_LIMITS.title)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="constructionStatus" label="建设状态">
            <Select aria-label="建设状态" options={Object.entries(CONSTRUCTION_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="content" label="建设内容" rules={[coreRule((v?: string) => checkText(v, '建设内容', TEXT_LIMITS.long))]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} aria-label="建设内容" count={counter(TEXT_LIMITS.long)} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="constructionUnitIds" label="建设单位">
            <DepartmentSelect departments={plan.departments} ariaLabel="建设单位" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="responsibleUnitIds" label="责任单位">
            <DepartmentSelect departments={plan.departments} ariaLabel="责任单位" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="plannedInvestment"
            label="计划总投资（万元）"
            rules={[coreRule((v?: string) => checkWan(v, '计划总投资'))]}
          >
            <Input aria-label="计划总投资" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="periodText" label="建设周期">
            <Input placeholder="如 2023年3月-2024年12月" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="deadlineText" label="完成时限" rules={[coreRule((v?: string) => checkDeadlineText(v, '完成时限', years))]}>
            <Input placeholder="如 2025年底前" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="investmentText" label="投资说明（原文）">
            <Input placeholder="如 约5000（其中中央资金1000）" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="category" label="类别">
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="area" label="实施区域">
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="benefit" label="效益分析">
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        保存修改
      </Button>
    </Form>
  );
}
