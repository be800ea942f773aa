/**
 * Issue 28: the Word files read back (unzipped: document.xml's text and tables, the page after
 * GB/T 9704, fonts, page numbers), and LibreOffice headless converting each kind to PDF, whose text
 * (pdftotext) carries the title and a figure. Fails, never skips, when LibreOffice or poppler is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { closePlan } from '../../shared/app/plan-periods/plan-periods';
import { currentPlan } from '../../shared/domain/plan-period';
import { LINE_PITCH, PAGE, titleLines } from '../../shared/documents/docx';
import type { MadeDocument } from '../../shared/app/documents/documents';
import type { BriefingFacts } from '../../shared/documents/briefing';
import { cityOffice, ECO, PERIOD, seededOffice } from './fixture';

const xmlText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

function partsOf(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strFromU8(v)]));
}

async function allKinds(): Promise<{ kind: string; made: MadeDocument; figure: string }[]> {
  const county = await seededOffice();
  const briefing = await county.docs.make('briefing', { period: PERIOD });
  const notice = await county.docs.make('notice', { period: PERIOD, unitIds: [ECO] });
  const annual = await county.docs.make('annual', { year: 2025 });
  const all = await county.ws.records.readPlan('150627');
  const planId = currentPlan(all.office)!.id;
  await county.ws.records.apply(closePlan(all, planId, '2026-11-24'));
  const final = await county.docs.make('final', { planId });
  const city = await cityOffice();
  const cityBriefing = await city.docs.make('city-briefing', { period: PERIOD });
  const coverage = (briefing.model.facts as BriefingFacts).figures.checklist.coverage;
  return [
    { kind: 'briefing', made: briefing, figure: `报送率 ${coverage}%` },
    { kind: 'notice', made: notice, figure: '旗生态环境局' },
    { kind: 'annual', made: annual, figure: '表1 2025年指标完成情况' },
    { kind: 'final', made: final, figure: '方案共有任务 83 项' },
    { kind: 'city-briefing', made: cityBriefing, figure: '伊金霍洛旗' },
  ];
}

describe('the .docx read back', () => {
  it('has the text, the tables, the GB/T 9704 page, fonts and page numbers', async () => {
    const county = await seededOffice();
    const made = await county.docs.make('briefing', { period: PERIOD });
    expect(made.fileName).toBe('伊金霍洛旗“无废城市”建设工作简报（2026年第11期）.docx');
    const parts = partsOf(made.bytes);
    const doc = parts['word/document.xml'];
    const text = xmlText(doc);
    expect(text).toContain('伊金霍洛旗“无废城市”建设工作简报（2026年第11期）');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('（一）工业固体废物');
    expect(text).toContain('完成全旗固废产生单位排查，共42家。');
    expect(text).toContain('【请填写：下一步工作打算】');
    expect(text).toMatch(/伊金霍洛旗“无废城市”建设工作领导小组办公室2026年12月4日$/);
    // A4, margins 37/35/28/26 mm, 22 lines at 28.95 pt.
    expect(doc).toContain(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`);
    expect(doc).toMatch(new RegExp(`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`));
    expect(doc).toContain(`w:linePitch="${LINE_PITCH}"`);
    expect(LINE_PITCH).toBe(579);
    // Title 小标宋 2号 (sz 44), body 仿宋_GB2312 3号 (sz 32), headings 黑体 / 楷体.
    expect(doc).toMatch(/w:eastAsia="方正小标宋简体"[^]*?<w:sz w:val="44"\/>/);
    expect(parts['word/styles.xml']).toMatch(/w:eastAsia="仿宋_GB2312"[^]*?<w:sz w:val="32"\/>/);
    expect(doc).toContain('w:eastAsia="黑体"');
    expect(doc).toContain('w:eastAsia="楷体_GB2312"');
    expect(doc).toContain('<w:highlight w:val="yellow"/>');
    expect(parts['word/fontTable.xml']).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    // The table: header row repeated, full borders, the domain lines and 合计.
    expect(doc).toContain('<w:tblHeader/>');
    expect(doc).toMatch(/<w:insideV w:val="single"/);
    const tables = [...doc.matchAll(/<w:tbl>([^]*?)<\/w:tbl>/g)].map((m) => [...m[1].matchAll(/<w:tr[ >][^]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>([^]*?)<\/w:tc>/g)].map((c) => xmlText(c[1]))));
    expect(tables[0][0]).toEqual(['领域', '任务数', '已完成', '推进中', '有风险', '已逾期', '未启动']);
    const f = (made.model.facts as BriefingFacts).figures;
    expect(tables[0][tables[0].length - 1]).toEqual(['合计', '83', String(f.byStatus.done), String(f.byStatus['in-progress']), String(f.byStatus['at-risk']), String(f.byStatus.overdue), String(f.byStatus['not-started'])]);
    // Page numbers "— 1 —" on the outside: odd pages right, even pages left.
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    const footers = Object.keys(parts).filter((k) => /word\/footer\d+\.xml/.test(k)).map((k) => parts[k]);
    expect(footers).toHaveLength(2);
    for (const footer of footers) {
      expect(footer).toContain('PAGE');
      expect(xmlText(footer)).toMatch(/^— +—$/);
    }
    expect(footers.map((x) => x.match(/<w:jc w:val="(\w+)"\/>/)?.[1]).sort()).toEqual(['left', 'right']);
  });
});

function requireTools(): void {
  if (spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status !== 0) throw new Error('LibreOffice（soffice）未安装：请安装 libreoffice-writer（npm test 的准备步骤会自动安装）/ soffice missing');
  if (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status !== 0) throw new Error('pdftotext 未安装：请安装 poppler-utils / pdftotext missing');
}

describe('LibreOffice opens each kind', () => {
  it('converts every document to PDF, whose text carries its title and a figure', async () => {
    requireTools();
    const kinds = await allKinds();
    const dir = mkdtempSync(join(tmpdir(), 'zwc-docs-'));
    try {
      const files = kinds.map((k) => {
        const path = join(dir, `${k.kind}.docx`);
        writeFileSync(path, k.made.bytes);
        return path;
      });
      const profile = join(dir, 'profile');
      execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...files], { stdio: 'pipe', timeout: 240_000 });
      for (const k of kinds) {
        const pdf = join(dir, `${k.kind}.pdf`);
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        expect(text).toContain(k.made.model.title.replace(/\s+/g, ''));
        expect(text).toContain(k.figure.replace(/\s+/g, ''));
        expect(text).toContain('—1—');
        // The page is A4 portrait.
        expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
        // ZWC_DOCS_PNG=folder: the first page as a picture (and the PDF) for a person to look at.
        if (process.env.ZWC_DOCS_PNG) {
          execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', pdf, join(process.env.ZWC_DOCS_PNG, k.kind)]);
          writeFileSync(join(process.env.ZWC_DOCS_PNG, `${k.kind}.pdf`), new Uint8Array(readFileSync(pdf)));
        }
      }
      expect(readFileSync(join(dir, 'briefing.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('title lines (GB/T 9704: 词意完整，排列对称)', () => {
  it('keeps a title that fits on one line and breaks a long one where the words allow, the lines even', () => {
    expect(titleLines('鄂尔多斯市“无废城市”建设工作简报')).toEqual(['鄂尔多斯市“无废城市”建设工作简报']);
    expect(titleLines('伊金霍洛旗2025年“无废城市”建设工作总结')).toEqual(['伊金霍洛旗2025年', '“无废城市”建设工作总结']);
    expect(titleLines('伊金霍洛旗“十四五”时期“无废城市”建设实施方案终期评估报告')).toEqual(['伊金霍洛旗“十四五”时期', '“无废城市”建设实施方案终期评估报告']);
    expect(titleLines('某某\n（第1期）')).toEqual(['某某', '（第1期）']);
  });
});
