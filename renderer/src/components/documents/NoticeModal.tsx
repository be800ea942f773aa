import { useEffect, useState } from 'react';
import { Alert, Checkbox, List, Modal, Space, Spin, Typography } from 'antd';
import type { Period } from '../../../../shared/domain/ids';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { LaggingUnit } from '../../../../shared/documents/notice';
import { messageOf } from '../../app/error-text';
import { useAppState } from '../../app/store';
import { loadDocuments } from './documents';
import { useMakeDocument } from './use-make-document';

/** 生成通报: the units whose reports are missing or tasks overdue, with their facts; the clerk ticks those to name. */
export function NoticeModal({ period, open, onClose }: { period: Period; open: boolean; onClose: () => void }) {
  const workspace = useAppState((s) => s.workspace);
  const [units, setUnits] = useState<LaggingUnit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, make } = useMakeDocument();
  // Each opening starts afresh: nothing ticked, the list read again. The inputs (open, the workspace
  // opened once at start-up, the month, which the header cannot change under the dialog's mask) stay
  // the same while it is open, so the list is read once per opening.
  useEffect(() => {
    if (!open || !workspace) return;
    let live = true;
    setUnits(null);
    setChosen([]);
    setError(null);
    void loadDocuments()
      .then(({ DocumentService }) => new DocumentService(workspace).laggingUnits(period))
      .then((u) => live && setUnits(u), (e: unknown) => live && setError(messageOf(e)));
    return () => {
      live = false;
    };
  }, [open, workspace, period]);
  /**
   * Each box updates the choice itself. Not antd's Checkbox.Group: it only passes on values its boxes
   * have registered in an effect after they first appear, so a tick made in that moment (a clerk on a
   * slow machine clicking as the rows appear) was dropped and the box sprang back.
   */
  const tick = (id: string, on: boolean) => setChosen((c) => (on ? (c.includes(id) ? c : [...c, id]) : c.filter((x) => x !== id)));
  const facts = (u: LaggingUnit) => [u.missing.length ? `未报送 ${u.missing.length} 项` : '', u.overdue.length ? `逾期任务 ${u.overdue.length} 项` : ''].filter(Boolean).join('，');
  return (
    <Modal
      title={`生成通报 · ${formatPeriodZh(period)}`}
      open={open}
      onCancel={onClose}
      okText={`生成通报（${chosen.length} 个单位）`}
      okButtonProps={{ disabled: !chosen.length, loading: busy }}
      onOk={() => void make('notice', { period, unitIds: chosen }).then(onClose)}
      width={720}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">以下单位本月有未报送的进展或已逾期的任务。请勾选要通报的单位，通报将列出每个单位的具体情况。</Typography.Text>
        {error && <Alert type="error" showIcon message={error} />}
        {!units && !error && <Spin />}
        {units && !units.length && <Alert type="success" showIcon message="本月没有未报送进展或逾期任务的单位。" />}
        {units && units.length > 0 && (
          <List
            size="small"
            style={{ maxHeight: 420, overflow: 'auto', width: '100%' }}
            dataSource={units}
            renderItem={(u) => (
              <List.Item>
                <Checkbox checked={chosen.includes(u.departmentId)} onChange={(e) => tick(u.departmentId, e.target.checked)} aria-label={u.name}>
                  <Typography.Text strong>{u.name}</Typography.Text> <Typography.Text type="danger">{facts(u)}</Typography.Text>
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,.55)' }}>
                    {[...u.missing.slice(0, 3).map((m) => `未报：${m.label}`), ...u.overdue.slice(0, 3).map((o) => `逾期：${o.label}`)].join('；')}
                    {u.missing.length + u.overdue.length > 6 ? ' …' : ''}
                  </div>
                </Checkbox>
              </List.Item>
            )}
          />
        )}
      </Space>
    </Modal>
  );
}
