/**
 * The faces printed documents are set in (shared/print/fonts.json) are really installed: fontconfig,
 * which Chromium asks on Linux, resolves each Debian face to itself and to a CJK font, never to a
 * fallback such as DejaVu. `node scripts/setup.mjs --test` installs them; this catches the rest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PRINT_FONTS, cssFontFamily, type PrintFace } from '../../shared/print/fonts';

interface Match {
  families: string[];
  file: string;
  langs: string[];
}

function fcMatch(family: string): Match {
  const r = spawnSync('fc-match', ['-f', '%{family}\t%{file}\t%{lang}', family], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error('找不到 fc-match / fc-match not found: apt-get install fontconfig (node scripts/setup.mjs --test does it)');
  }
  const [families = '', file = '', langs = ''] = r.stdout.split('\t');
  return { families: families.split(',').map((f) => f.trim()), file, langs: langs.split('|') };
}

const CJK = ['zh-cn', 'zh-tw', 'zh-hk', 'zh-sg', 'zh-mo', 'ja', 'ko'];

/** Undefined when `family` resolves to itself in a CJK font file; else what is wrong and which package to install. */
function problem(family: string, pkg: string): string | undefined {
  const m = fcMatch(family);
  const fix = `缺少 / missing: apt-get install ${pkg}（node scripts/setup.mjs --test 会安装 / installs it）`;
  if (!m.families.some((f) => f.toLowerCase() === family.toLowerCase())) {
    return `fc-match "${family}" → ${m.families[0]} (${m.file})：不是该字体，打印会用替代字体 / a fallback face. ${fix}`;
  }
  if (!existsSync(m.file)) return `fc-match "${family}" → ${m.file}, which does not exist. ${fix}`;
  if (!m.langs.some((l) => CJK.includes(l))) return `fc-match "${family}" → ${m.file}：不含中文 / not a CJK font. ${fix}`;
  return undefined;
}

const faces = Object.keys(PRINT_FONTS) as PrintFace[];

describe('print font stacks', () => {
  it.each(faces)('%s: the CSS stack names its Debian face and ends in a generic family', (face) => {
    const { stack, debian } = PRINT_FONTS[face];
    expect(stack).toContain(debian.family);
    expect(['serif', 'sans-serif']).toContain(stack[stack.length - 1]);
    expect(cssFontFamily(face)).toContain(`"${debian.family}"`);
  });

  it('仿宋 stack: FangSong first, then the Debian face, then a simplified-Chinese serif', () => {
    expect(cssFontFamily('fangsong')).toBe('"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "cwTeXFangSong", "Noto Serif CJK SC", serif');
  });
});

// Chromium takes fonts from fontconfig only on Linux; Windows and macOS print with their own faces.
(process.platform === 'linux' ? describe : describe.skip)(`print fonts installed (fontconfig; Linux only, here ${process.platform})`, () => {
  it.each(faces)('%s: the Debian face resolves to a CJK font, not a fallback', (face) => {
    const { family, package: pkg } = PRINT_FONTS[face].debian;
    expect(problem(family, pkg)).toBeUndefined();
  });

  // cwTeXFangSong is a traditional-Chinese face (see the note in fonts.json): the characters it lacks must
  // come from a simplified-Chinese face later in the same stack, not from whatever fontconfig picks.
  it('仿宋: after the Debian face the stack reaches a face with simplified Chinese (zh-cn)', () => {
    const { stack, debian } = PRINT_FONTS.fangsong;
    const after = stack.slice(stack.indexOf(debian.family) + 1).filter((f) => f !== 'serif');
    const found = after.find((f) => {
      const m = fcMatch(f);
      return m.families.includes(f) && m.langs.includes('zh-cn');
    });
    expect(found ?? `none of ${after.join(', ')} is installed with simplified Chinese: apt-get install fonts-noto-cjk`).toBe('Noto Serif CJK SC');
  });
});
