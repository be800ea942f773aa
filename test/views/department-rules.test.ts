import { aliasesAfterRename, departmentNameClash, renameDepartment } from '../../shared/views/department-rules';
import type { Department } from '../../shared/domain/department';

// Synthetic departments (generated, not from any plan).
const dept = (id: string, name: string, aliases: string[] = []): Department => ({ id, officeCode: '150627', name, aliases, kind: 'department' });
const eco = dept('eco', '生态环境局', ['环保局']);
const agri = dept('agri', '农牧局');
const departments = [eco, agri];

describe('department name clashes', () => {
  it('finds a department that has the name as its name or as an alias', () => {
    expect(departmentNameClash(departments, '生态环境局')).toBe(eco);
    expect(departmentNameClash(departments, '环保局')).toBe(eco);
    expect(departmentNameClash(departments, '农牧局')).toBe(agri);
  });
  it('compares trimmed names, exactly otherwise', () => {
    expect(departmentNameClash(departments, '  农牧局 ')).toBe(agri);
    expect(departmentNameClash(departments, '农牧')).toBeUndefined();
    expect(departmentNameClash(departments, '水利局')).toBeUndefined();
  });
  it('ignores the department being renamed', () => {
    expect(departmentNameClash(departments, '环保局', 'eco')).toBeUndefined();
    expect(departmentNameClash(departments, '环保局', 'agri')).toBe(eco);
  });
});

describe('aliases after a rename', () => {
  it('keeps the old name as an alias', () => {
    expect(aliasesAfterRename(eco, '生态环境分局', ['环保局'])).toEqual(['环保局', '生态环境局']);
  });
  it('adds nothing when the name is unchanged', () => {
    expect(aliasesAfterRename(eco, '生态环境局', ['环保局'])).toEqual(['环保局']);
  });
  it('lists each alias once and never the new name', () => {
    expect(aliasesAfterRename(eco, '环保局', ['环保局', '生态环境局', '环境局', '环境局'])).toEqual(['生态环境局', '环境局']);
  });
  it('accepts no aliases at all', () => {
    expect(aliasesAfterRename(agri, '农牧和科技局')).toEqual(['农牧局']);
  });
});

describe('renaming a department', () => {
  it('gives the patch: the trimmed name, the old name kept as an alias', () => {
    expect(renameDepartment(departments, agri, ' 农牧和科技局 ', [])).toEqual({ ok: true, patch: { name: '农牧和科技局', aliases: ['农牧局'] } });
  });
  it('is refused when another department goes by the new name (merge them instead)', () => {
    expect(renameDepartment(departments, agri, '环保局', [])).toEqual({ ok: false, clash: eco });
  });
  it('may take one of its own aliases as its name', () => {
    expect(renameDepartment(departments, eco, '环保局', ['环保局'])).toEqual({ ok: true, patch: { name: '环保局', aliases: ['生态环境局'] } });
  });
});
