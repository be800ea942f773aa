import { formatMomentZh } from '../../../../shared/domain/time';

/** An import's moment, to the minute, in Beijing time. */
export const timeZh = (iso: string) => formatMomentZh(iso, false);
