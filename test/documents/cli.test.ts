import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { EXIT } from '../../cli/zwc';
import { DocumentService } from '../../shared/app/documents/documents';
import { appWorkspace, tempDirs, zwcAt } from '../support/cli';

/** `zwc doc …` (issue 28): the same documents as the app, through the same core service. */
const NOW = new Date('2026-12-04T02:00:00Z');
const zwc = zwcAt(NOW);
const tmp = tempDirs('zwc-doc-');
const textOf = (path: string) => [...strFromU8(unzipSync(new Uint8Array(readFileSync(path)))['word/document.xml']).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('zwc doc', () => {
  it('writes the briefing, a notice of named units and a yearly summary as the app makes them; refuses what cannot be made, by name', async () => {
    expect((await zwc('--workspace', tmp.dir, 'init', '--office', '150627')).code).toBe(EXIT.ok);
    const out = tmp.at('brief.docx');
    const run = await zwc('--workspace', tmp.dir, 'doc', 'briefing', '--month', '2026-11', '--out', out);
    expect(run.err).toBe('');
    expect(run.out).toContain('伊金霍洛旗“无废城市”建设工作简报（2026年第11期）');
    const app = await appWorkspace(NOW);
    await app.setup.setUp('150627', 'seed');
    const fromApp = await new DocumentService(app, () => NOW).model('briefing', { period: '2026-11' });
    const first = fromApp.blocks.find((b) => b.kind === 'paragraph');
    const opening = first?.kind === 'paragraph' ? first.parts.map((p) => (typeof p === 'string' ? p : '')).join('') : '';
    expect(opening).toMatch(/^截至2026年11月，伊金霍洛旗/);
    expect(textOf(out)).toContain(opening);

    const bare = await zwc('--workspace', tmp.dir, 'doc', 'notice', '--month', '2026-11');
    expect(bare.code).toBe(EXIT.usage);
    expect(bare.err).toContain('请用 --units 指定要通报的单位');
    expect(bare.err).toContain('旗生态环境局：未报送');
    const notice = tmp.at('notice.docx');
    expect((await zwc('--workspace', tmp.dir, 'doc', 'notice', '--month', '2026-11', '--units', '旗生态环境局', '--out', notice)).code).toBe(EXIT.ok);
    expect(textOf(notice)).toContain('（一）旗生态环境局');
    const wrong = await zwc('--workspace', tmp.dir, 'doc', 'notice', '--month', '2026-11', '--units', '不存在的局');
    expect(wrong.err).toContain('“不存在的局”本月没有未报送的进展或逾期任务，不能通报');

    const annual = tmp.at('annual.docx');
    expect((await zwc('--workspace', tmp.dir, 'doc', 'annual', '--year', '2025', '--out', annual)).code).toBe(EXIT.ok);
    expect(textOf(annual)).toContain('伊金霍洛旗2025年“无废城市”建设工作总结');
    const open = await zwc('--workspace', tmp.dir, 'doc', 'final', '--period', '150627-plan-2021');
    expect(open.err).toContain('尚未结束');
    const city = await zwc('--workspace', tmp.dir, 'doc', 'city-briefing', '--month', '2026-11');
    expect(city.err).toContain('全市简报只能由市级无废办生成');
  }, 60_000);
});
