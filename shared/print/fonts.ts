/**
 * The font families printed documents are set in. The list itself lives in fonts.json so that the
 * test set-up (scripts/setup-test-deps.mjs, plain Node) reads the very same names; the font test
 * (test/env/fonts.test.ts) checks that each Debian face really resolves to a CJK font.
 */
import fonts from './fonts.json';

export type PrintFace = keyof typeof fonts.faces;

export interface PrintFontFace {
  /** What the face is used for, in words. */
  role: string;
  /** CSS font-family stack, most preferred first, ending in a generic family. */
  stack: readonly string[];
  /** The family a Debian machine provides for this face, and the package that provides it. */
  debian: { family: string; package: string };
  note?: string;
}

export const PRINT_FONTS: Readonly<Record<PrintFace, PrintFontFace>> = fonts.faces;

const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

/** The CSS `font-family` value for a face, e.g. `"FangSong", "仿宋", …, "cwTeXFangSong", "Noto Serif CJK SC", serif`. */
export function cssFontFamily(face: PrintFace): string {
  return PRINT_FONTS[face].stack.map((f) => (GENERIC_FAMILIES.has(f) ? f : `"${f}"`)).join(', ');
}

/** The Debian packages that provide every print face (fonts-cwtex-fs, fonts-noto-cjk). */
export const DEBIAN_FONT_PACKAGES: readonly string[] = [...new Set(Object.values(PRINT_FONTS).map((f) => f.debian.package))];
