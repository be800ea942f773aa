import { useFormSource } from './use-form-source';
import { checkDeadlineText, checkText, checkWan, TEXT_LIMITS } from '../../../shared/domain/validation';
import { coreRule, counter, useYearWindow } from './field-rules';
import type { PlanData } from '../../../shared/views/plan-data';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { CONSTRUCTION_STATUS_LABELS, type ConstructionStatus, type Project } from '../../../shared/domain/project';
import { parseWan } from '../../../shared/domain/money';
import { parseDeadline } from '../../../shared/domain/parse-deadline';
import { parseConstructionPeriod } from '../../../shared/domain/parse-period';
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
    const periodText = v.periodText.trim();
    const deadlineText = v.deadlineText.trim();
    const patch: Partial<Project> = {
      number: v.number.trim(),
      name: v.name.trim(),
      content: v.content.trim(),
      constructionUnitIds: v.constructionUnitIds ?? [],
      responsibleUnitIds: v.responsibleUnitIds ?? [],
      plannedInvestment: v.plannedInvestment.trim() ? parseWan(v.plannedInvestment) : null,
      investmentText: v.investmentText.trim() || undefined,
      category: v.category.trim() || undefined,
      period: periodText === (project.period?.text ?? '') ? project.period : parseConstructionPeriod(periodText),
      deadline: deadlineText === (project.deadline?.text ?? '') ? project.deadline : deadlineText ? parseDeadline(deadlineText) : null,
      area: v.area.trim() || null,
      benefit: v.benefit.trim() || null,
      constructionStatus: v.constructionStatus,
    };
    if (await commit({ label: `修改项目 ${project.number} ${project.name}`, edits: [{ table: 'projects', id: project.id, patch }] })) source.saved();
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
