import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useAppState } from '../app/store';
import { formatPeriodZh } from '../../../shared/domain/time';

/** The reporting month everything on screen refers to. Reports are due by the 5th. */
export function PeriodPicker() {
  const period = useAppState((s) => s.period);
  const setPeriod = useAppState((s) => s.setPeriod);
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      value={dayjs(`${period}-01`)}
      format={() => `调度月份：${formatPeriodZh(period)}`}
      onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
      style={{ width: 190 }}
      aria-label="调度月份"
      data-testid="period-picker"
    />
  );
}
