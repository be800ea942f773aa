import { useEffect, useMemo, useState } from 'react';
import { DatePicker, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ProblemCandidate } from '../../../../shared/views/problems';
import { PROBLEM_KIND_LABELS, problemDueFor, type ProblemKind } from '../../../../shared/domain/problem';
import type { RaiseItem } from '../../../../shared/app/problems/problems';
import type { Department } from '../../../../shared/domain/department';
import { DAY_PICKER_FORMAT } from '../picker-formats';
import { Excerpt } from '../Excerpt';
import { useProblemAction } from './use-problem-action';

/** The clerk's choice for one candidate: a new problem (kind, responsible unit, a 特殊 problem's due date) or a follow-up of an open one. */
interface Choice {
  action: 'new' | 'link';
  kind: ProblemKind;
  responsibleId: string | null;
  problemId?: string;
  due?: string;
}

const KINDS = (Object.keys(PROBLEM_KIND_LABELS) as ProblemKind[]).map((k) => ({ value: k, label: PROBLEM_KIND_LABELS[k] }));

function proposed(c: ProblemCandidate): Choice {
  const p = c.proposal;
  return p.action === 'link' ? { action: 'link', kind: 'general', responsibleId: c.responsibleId, problemId: p.problemId } : { action: 'new', kind: p.kind, responsibleId: c.responsibleId };
}

function itemOf(entryId: string, c: Choice): RaiseItem {
  if (c.action === 'link' && c.problemId) return { entryId, action: 'link', problemId: c.problemId };
  return { entryId, action: 'new', kind: c.kind, responsibleId: c.responsibleId, ...(c.kind === 'special' && c.due ? { due: c.due } : {}) };
}

/**
 * 登记存在问题: the month's candidates in one list; per row 一般/复杂/特殊, the responsible unit and
 * 新登记 or 并入已有问题; one button raises the chosen ones in one step (one undo).
 */
export function RaiseProblemsModal({ open, candidates, departments, officeCode, onClose }: { open: boolean; candidates: ProblemCandidate[]; departments: readonly Department[]; officeCode: string; onClose: () => void }) {
  const run = useProblemAction();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (!open) return;
    setChoices(Object.fromEntries(candidates.map((c) => [c.entry.id, proposed(c)])));
    setSelected(candidates.map((c) => c.entry.id));
    setTried(false);
  }, [open, candidates]);
  const units = useMemo(() => departments.map((d) => ({ value: d.id, label: d.name, search: [d.name, ...d.aliases].join(' ') })), [departments]);
  const choiceOf = (c: ProblemCandidate) => choices[c.entry.id] ?? proposed(c);
  const set = (c: ProblemCandidate, patch: Partial<Choice>) => setChoices((all) => ({ ...all, [c.entry.id]: { ...choiceOf(c), ...patch } }));
  const missingDue = (c: ProblemCandidate) => selected.includes(c.entry.id) && choiceOf(c).action === 'new' && choiceOf(c).kind === 'special' && !choiceOf(c).due;

  const submit = async () => {
    setTried(true);
    if (!selected.length || candidates.some(missingDue)) return;
    setBusy(true);
    const items = candidates.filter((c) => selected.includes(c.entry.id)).map((c) => itemOf(c.entry.id, choiceOf(c)));
    const ok = await run((ws) => ws.problems.raise(officeCode, items), `已登记 ${items.length} 条存在问题`);
    setBusy(false);
    if (ok) onClose();
  };

  return (
    <Modal
      open={open}
      width={1180}
      title={`登记存在问题（${candidates.length} 条待登记）`}
      okText={`登记 ${selected.length} 条`}
      cancelText="取消"
      okButtonProps={{ disabled: selected.length === 0, loading: busy, id: 'raise-problems-ok' }}
      onOk={() => void submit()}
      onCancel={onClose}
      data-testid="raise-problems-modal"
      destroyOnClose
    >
      <Typography.Paragraph type="secondary">
        一般问题 1 个月内解决，复杂问题 3 个月内解决，特殊问题由无废办确定办结时限。责任单位默认为报送单位；同一任务已有未销号问题的，可并入已有问题作为处理进展。
      </Typography.Paragraph>
      <Table<ProblemCandidate>
        size="small"
        rowKey={(c) => c.entry.id}
        dataSource={candidates}
        pagination={false}
        scroll={{ y: 420 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={[
          { title: '报送单位', width: 130, render: (_, c) => c.unitName },
          { title: '任务 / 项目', width: 200, render: (_, c) => <Excerpt text={c.subjectTitle} /> },
          { title: '存在问题', render: (_, c) => <span data-testid="raise-candidate-text">{c.text}</span> },
          {
            title: '登记方式',
            width: 200,
            render: (_, c) => (
              <Select
                aria-label="登记方式"
                style={{ width: '100%' }}
                value={choiceOf(c).action === 'link' ? (choiceOf(c).problemId ?? 'new') : 'new'}
                onChange={(v: string) => set(c, v === 'new' ? { action: 'new' } : { action: 'link', problemId: v })}
                options={[{ value: 'new', label: '新登记' }, ...c.openOnSubject.map((v) => ({ value: v.problem.id, label: `并入：${v.problem.text.slice(0, 14)}` }))]}
              />
            ),
          },
          {
            title: '类别 / 办结时限',
            width: 190,
            render: (_, c) => {
              const ch = choiceOf(c);
              if (ch.action === 'link') return <Typography.Text type="secondary">作为处理进展</Typography.Text>;
              const due = problemDueFor(ch.kind, c.raisedOn);
              return (
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Select aria-label="问题类别" style={{ width: '100%' }} value={ch.kind} options={KINDS} onChange={(kind: ProblemKind) => set(c, { kind })} />
                  {due ? (
                    <Typography.Text type="secondary">{due} 前办结</Typography.Text>
                  ) : (
                    <>
                      <DatePicker
                        aria-label="办结时限"
                        format={DAY_PICKER_FORMAT}
                        status={tried && missingDue(c) ? 'error' : undefined}
                        value={ch.due ? dayjs(ch.due) : null}
                        disabledDate={(d) => d.format('YYYY-MM-DD') < c.raisedOn}
                        onChange={(d) => set(c, { due: d ? d.format('YYYY-MM-DD') : undefined })}
                        style={{ width: '100%' }}
                      />
                      {tried && missingDue(c) && <Typography.Text type="danger">特殊问题请选择办结时限</Typography.Text>}
                    </>
                  )}
                </Space>
              );
            },
          },
          {
            title: '责任单位',
            width: 170,
            render: (_, c) =>
              choiceOf(c).action === 'link' ? null : (
                <Select
                  aria-label="责任单位"
                  showSearch
                  allowClear
                  placeholder="未指定"
                  optionFilterProp="search"
                  style={{ width: '100%' }}
                  value={choiceOf(c).responsibleId ?? undefined}
                  options={units}
                  onChange={(v?: string) => set(c, { responsibleId: v ?? null })}
                />
              ),
          },
        ]}
      />
    </Modal>
  );
}
