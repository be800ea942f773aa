import { EXIT } from '../../cli/zwc';
import { openWorkspaceDir } from '../../cli/workspace-dir';
import type { Workspace } from '../../shared/app/workspace';
import { appWorkspace, captureIo, tempDirs, zwcAt } from '../support/cli';

/**
 * The numbered sheets' settings from zwc and from the app (the print dialog saves them with
 * ws.sheets.saveSettings, 设置 → 本机 with saveSeries): the same stored settings, the same next number.
 */
const NOW = new Date('2026-11-20T02:00:00Z');
const zwc = zwcAt(NOW);
jest.setTimeout(60_000);
const tmp = tempDirs('zwc-print-settings-');

async function both(): Promise<{ cli: () => Promise<Workspace>; app: Workspace }> {
  expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
  const app = await appWorkspace(NOW);
  await app.setup.setUp('150627', 'seed');
  return { cli: () => openWorkspaceDir(tmp.dir, captureIo(NOW).io), app };
}

const office = async (ws: Workspace) => (await ws.records.readPlan('150627')).office;

describe('zwc print numbering and print settings: the print dialog’s settings', () => {
  it('stores the same pattern, series and issuer as the app, and shows the next number the app would give', async () => {
    const { cli, app } = await both();
    const shown = await zwc('--workspace', tmp.dir, 'print', 'numbering');
    expect(shown.code).toBe(EXIT.ok);
    const defaults = await app.sheets.settings(await office(app));
    expect(shown.out).toContain(defaults.patterns.assignment);

    const set = await zwc('--workspace', tmp.dir, 'print', 'numbering', '--kind', 'supervision', '--pattern', '伊无废督字〔{year}〕第{n}号', '--series', '2');
    expect(set.err).toBe('');
    const appSettings = await app.sheets.settings(await office(app));
    await app.sheets.saveSettings({ ...appSettings, patterns: { ...appSettings.patterns, supervision: '伊无废督字〔{year}〕第{n}号' } });
    await app.sheets.saveSeries(2);
    const cliWs = await cli();
    expect(await cliWs.sheets.settings(await office(cliWs))).toEqual(await app.sheets.settings(await office(app)));
    expect(await cliWs.sheets.series()).toBe(2);
    const [next] = await app.sheets.peekNumbers('supervision', 2026, 1, '伊无废督字〔{year}〕第{n}号');
    expect(set.out).toContain(`督办单\t伊无废督字〔{year}〕第{n}号\t下一个 / next: ${next}`);
    expect(next).toBe('伊无废督字〔2026〕第2-1号');

    const issuer = await zwc('--workspace', tmp.dir, 'print', 'settings', '--contact', '王五', '--phone', '0477-1234567', '--answer-days', '7', '--report-method', '填报表');
    expect(issuer.code).toBe(EXIT.ok);
    const withContact = { ...(await app.sheets.settings(await office(app))), contact: '王五', phone: '0477-1234567', answerDays: 7, reportMethod: 'form' as const };
    await app.sheets.saveSettings(withContact);
    expect(await (await cli()).sheets.settings(await office(app))).toEqual(withContact);

    // Refused as the dialog refuses it (no {n}), nothing saved.
    const bad = await zwc('--workspace', tmp.dir, 'print', 'numbering', '--kind', 'assignment', '--pattern', '伊无废交〔{year}〕号');
    expect(bad.code).toBe(EXIT.refused);
    expect(bad.err).toContain('编号格式须含 {n}');
    expect((await (await cli()).sheets.settings(await office(app))).patterns.assignment).toBe(defaults.patterns.assignment);
    expect((await zwc('--workspace', tmp.dir, 'print', 'numbering', '--pattern', 'x{n}')).code).toBe(EXIT.usage);
  });
});
