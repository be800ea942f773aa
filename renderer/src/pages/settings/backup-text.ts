import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { CHINA_TZ } from '../../../../shared/domain/time';

/** 2026年11月24日 10:30, Beijing time: the one way dates and times are written in the UI. */
export function formatDateTimeZh(iso: string): string {
  return format(new TZDate(new Date(iso).getTime(), CHINA_TZ), 'yyyy年M月d日 HH:mm');
}
