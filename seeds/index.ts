import type { OfficeLevel } from '../shared/domain/office';

/**
 * The plans shipped with the app. Each file is loaded only when chosen, so the app starts
 * without parsing all of them.
 */
export interface SeededPlanEntry {
  code: string;
  name: string;
  level: OfficeLevel;
  /** The city the office reports to, for the first-run list. */
  parentName: string;
  file: string;
  load: () => Promise<unknown>;
}

export const DEFAULT_OFFICE_CODE = '150627';

export const SEEDED_PLANS: readonly SeededPlanEntry[] = [
  {
    code: '150627',
    name: '伊金霍洛旗',
    level: 'county',
    parentName: '鄂尔多斯市',
    file: '150627-yijinhuoluo.json',
    load: () => import('./150627-yijinhuoluo.json').then((m) => m.default),
  },
  {
    code: '150203',
    name: '昆都仑区',
    level: 'county',
    parentName: '包头市',
    file: '150203-kundulun.json',
    load: () => import('./150203-kundulun.json').then((m) => m.default),
  },
  {
    code: '150600',
    name: '鄂尔多斯市',
    level: 'city',
    parentName: '内蒙古自治区',
    file: '150600-ordos.json',
    load: () => import('./150600-ordos.json').then((m) => m.default),
  },
  {
    code: '150100',
    name: '呼和浩特市',
    level: 'city',
    parentName: '内蒙古自治区',
    file: '150100-hohhot.json',
    load: () => import('./150100-hohhot.json').then((m) => m.default),
  },
];

export function seededPlan(code: string): SeededPlanEntry | undefined {
  return SEEDED_PLANS.find((p) => p.code === code);
}
