import { Tooltip, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { formatMomentZh } from '../../../shared/domain/time';
import { useAppState } from '../app/store';

/** Says in the header that another window's changes were loaded, and when. */
export function RefreshedMark() {
  const at = useAppState((s) => s.refreshedFromElsewhere);
  if (!at) return null;
  return (
    <Tooltip title="同一工作区在另一个窗口中保存了修改，本窗口已重新读取；正在填写的内容不受影响。">
      <Typography.Text style={{ color: 'rgba(255,255,255,.85)', fontSize: 12 }} data-testid="data-refreshed">
        <SyncOutlined /> 已载入其他窗口的修改（{formatMomentZh(at, false)}）
      </Typography.Text>
    </Tooltip>
  );
}
