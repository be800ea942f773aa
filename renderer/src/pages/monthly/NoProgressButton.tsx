import { App as AntApp, Button } from 'antd';
import type { Period } from '../../../../shared/domain/ids';
import { formatPeriodZh } from '../../../../shared/domain/time';
import type { PlanData } from '../../../../shared/views/plan-data';
import { noProgressChange, NO_PROGRESS_TEXT, type NoProgressSkip } from '../../../../shared/views/no-progress';
import { useWorkspace } from '../../app/store';
import { newId, useCommit } from '../../app/use-commit';

const skippedWords = (skipped: NoProgressSkip[]) => skipped.map((s) => `${s.label}（${s.why}）`).join('；');

/**
 * 本月无新进展 for the chosen tasks and projects: asks with how many (and names any left alone),
 * then records them in one change, undone in one step.
 */
export function NoProgressButton({ plan, period, selected, onDone }: { plan: PlanData; period: Period; selected: string[]; onDone: () => void }) {
  const { modal, message } = AntApp.useApp();
  const commit = useCommit();
  const deviceId = useWorkspace().deviceId;

  const ask = () => {
    const result = noProgressChange(plan, selected, period, { now: new Date().toISOString(), deviceId, newId: () => newId('pe') });
    const { change, marked, skipped, words } = result;
    if (!change) {
      message.warning(`没有可报送的任务或项目：${skippedWords(skipped)}`, 6);
      return;
    }
    modal.confirm({
      title: `为 ${words}报送“${NO_PROGRESS_TEXT}”？`,
      content: (
        <div data-testid="no-progress-confirm">
          <p>
            记入{formatPeriodZh(period)}：本月进展为“{NO_PROGRESS_TEXT}”，完成进度、状态和累计完成投资沿用上次报告。保存后可撤销。
          </p>
          {skipped.length > 0 && <p>以下 {skipped.length} 项不处理：{skippedWords(skipped)}</p>}
        </div>
      ),
      okText: `报送 ${marked.length} 项`,
      cancelText: '取消',
      onOk: async () => {
        const note = `已报送 ${words}“${NO_PROGRESS_TEXT}”${skipped.length ? `，${skipped.length} 项未处理` : ''}`;
        if (await commit(change, note)) onDone();
      },
    });
  };

  return (
    <Button disabled={selected.length === 0} onClick={ask} data-testid="no-progress-bulk">
      {NO_PROGRESS_TEXT}
      {selected.length > 0 ? `（已选 ${selected.length} 项）` : ''}
    </Button>
  );
}
