/**
 * GB/T 2260 names of the divisions the shipped plans refer to: the four offices, their cities, and
 * the banners, counties and districts the city plans assign work to.
 */
export const DIVISION_NAMES: Readonly<Record<string, string>> = {
  '150000': '内蒙古自治区',
  '150100': '呼和浩特市',
  '150102': '新城区',
  '150103': '回民区',
  '150104': '玉泉区',
  '150105': '赛罕区',
  '150121': '土默特左旗',
  '150122': '托克托县',
  '150123': '和林格尔县',
  '150124': '清水河县',
  '150125': '武川县',
  '150200': '包头市',
  '150203': '昆都仑区',
  '150600': '鄂尔多斯市',
  '150602': '东胜区',
  '150603': '康巴什区',
  '150621': '达拉特旗',
  '150622': '准格尔旗',
  '150623': '鄂托克前旗',
  '150624': '鄂托克旗',
  '150625': '杭锦旗',
  '150626': '乌审旗',
  '150627': '伊金霍洛旗',
};

export function divisionName(code: string): string {
  return DIVISION_NAMES[code] ?? code;
}

/** GB/T 2260: a county-level code shares its city's first four digits (150627 under 150600). */
export function isSubordinateOf(code: string, cityCode: string): boolean {
  return /^\d{4}00$/.test(cityCode) && code !== cityCode && code.slice(0, 4) === cityCode.slice(0, 4);
}

/** The banners, counties and districts of a city that this app knows by name. */
export function subordinatesOf(cityCode: string): { code: string; name: string }[] {
  return Object.entries(DIVISION_NAMES)
    .filter(([code]) => isSubordinateOf(code, cityCode))
    .map(([code, name]) => ({ code, name }));
}
