import { IndicatorMarkerSchema } from '../../shared/domain/indicator';

describe('indicator marker', () => {
  it('reads the three markers', () => {
    expect(['national', 'city', 'county'].map((m) => IndicatorMarkerSchema.parse(m))).toEqual(['national', 'city', 'county']);
  });
  it("reads a record written before the rename ('banner') as the county office's own marker", () => {
    expect(IndicatorMarkerSchema.parse('banner')).toBe('county');
  });
  it('refuses anything else', () => {
    expect(IndicatorMarkerSchema.safeParse('province').success).toBe(false);
  });
});
