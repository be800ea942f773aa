import { ORDOS, T_A, T_B, TASK, YIQI, laptop, receive, send } from '../../support/laptops';

import { cityOverview, readCityData } from '../../../shared/app/city/city-overview-service';

/**
 * The city's conflict choices (处理冲突（仅本机）) as the city's data reads them for the workbook
 * (readCityData.cityChoices), from real signed bundles: two laptops of 伊金霍洛旗 and 鄂尔多斯市.
 */

describe('the city\'s conflict choices in its data', () => {
  it('names the field the city chose on a county record, and only while the record still shows that value', async () => {
    const a = await laptop(YIQI, T_A, 'aaaa1111');
    const b = await laptop(YIQI, T_B, 'bbbb2222');
    const city = await laptop(ORDOS, T_A, 'c1c1c1c1');
    await a.records.update('tasks', TASK, { title: '甲的写法' });
    await b.records.update('tasks', TASK, { title: '乙的写法' });
    await receive(city, '150600', await send(a, '150627'));
    await receive(city, '150600', await send(b, '150627'));
    expect((await readCityData(city, '150600')).cityChoices.size).toBe(0);

    const [c] = await city.exchange.conflictViews('150600', 'city');
    const side = c.sides.find((s) => s.value === '甲的写法');
    expect(side).toBeDefined();
    expect(await city.exchange.keepConflictSide('tasks', TASK, 'title', side?.stamp ?? '')).toEqual({ local: true });
    const data = await readCityData(city, '150600');
    expect([...data.cityChoices]).toEqual([[TASK, ['任务名称']]]);
    // The overview (which does not show choices) still reads the county's records.
    const { rows } = await cityOverview(city, '150600', '2026-11', '2026-11-21');
    expect(rows.find((r) => r.code === '150627')).toMatchObject({ hasData: true, received: true });

    // The county writes another title later: the city's choice no longer shows.
    await b.records.update('tasks', TASK, { title: '丙的写法' });
    await receive(city, '150600', await send(b, '150627'));
    expect((await readCityData(city, '150600')).cityChoices.size).toBe(0);
  });
});
