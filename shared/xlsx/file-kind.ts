/**
 * What a returned file really is, from its bytes first and its name second, before any Excel code
 * sees it. Departments send back .xls, .et, .ods, .csv or a Word file as often as an .xlsx; each
 * gets a refusal that names the file and says how to make an .xlsx of it. Pure bytes: no exceljs,
 * no zip library, so the app can classify a file without loading the Excel code and zwc shares it.
 */

export type FileKind =
  | 'xlsx' // Office Open XML workbook (also .xlsm): the one kind the program reads
  | 'xls' // OLE2 compound file holding a workbook: Excel 97-2003 .xls, WPS 表格 .et
  | 'ods' // OpenDocument spreadsheet (LibreOffice, WPS)
  | 'csv' // plain text: .csv, .txt, tab-separated
  | 'html' // a web page or XML spreadsheet saved with an .xls name (many systems export these)
  | 'word' // a text document: .doc, .docx, .wps, .odt, .rtf
  | 'pdf'
  | 'zip' // a zip that is neither a workbook nor a document
  | 'empty'
  | 'other';

const u32le = (b: Uint8Array, at: number) => (at + 4 <= b.length ? (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0 : -1);
const u16le = (b: Uint8Array, at: number) => (at + 2 <= b.length ? b[at] | (b[at + 1] << 8) : -1);

/** The lowercase extension with its dot (".ods"), or "" when the name has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(Math.max(0, from), Math.min(b.length, to)));

/**
 * Stream names in an OLE2 compound file's directory ("Workbook", "WordDocument", …): reads the
 * header's first FAT sectors and follows the directory chain, at most 64 sectors. Empty when the
 * structure is not what the format says (the caller falls back to the extension).
 */
function oleStreamNames(b: Uint8Array): string[] {
  const shift = u16le(b, 30);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sectorAt = (n: number) => (n + 1) * size;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32le(b, 76 + i * 4);
    if (s < 0 || s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (sector: number): number => {
    const per = size / 4;
    const fat = fatSectors[Math.floor(sector / per)];
    return fat === undefined ? -1 : u32le(b, sectorAt(fat) + (sector % per) * 4);
  };
  const names: string[] = [];
  let sector = u32le(b, 48);
  for (let hops = 0; hops < 64 && sector >= 0 && sector < 0xfffffffa; hops++) {
    const start = sectorAt(sector);
    if (start + size > b.length) break;
    for (let at = start; at < start + size; at += 128) {
      const length = u16le(b, at + 64);
      if (length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(u16le(b, at + i));
      names.push(name);
    }
    sector = next(sector);
  }
  return names;
}

/** Names of the parts in a zip, from its central directory (at most 4,000), or null when it has none. */
function zipNames(b: Uint8Array): string[] | null {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32le(b, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = Math.min(u16le(b, eocd + 10), 4000);
  const names: string[] = [];
  let at = u32le(b, eocd + 16);
  for (let i = 0; i < count && at >= 0 && u32le(b, at) === 0x02014b50; i++) {
    const n = u16le(b, at + 28);
    names.push(new TextDecoder().decode(b.subarray(at + 46, at + 46 + n)));
    at += 46 + n + u16le(b, at + 30) + u16le(b, at + 32);
  }
  return names;
}

/** The OpenDocument mimetype: by the format's rule the first part, stored uncompressed. */
function odfMimetype(b: Uint8Array): string | null {
  const nameLength = u16le(b, 26);
  if (nameLength !== 8 || ascii(b, 30, 38) !== 'mimetype') return null;
  const start = 30 + nameLength + u16le(b, 28);
  return ascii(b, start, start + Math.min(u32le(b, 18), 100));
}

/** Text without control bytes other than tab and line breaks, in the first 8 KB. */
function looksLikeText(b: Uint8Array): boolean {
  const head = b.subarray(0, 8192);
  for (const x of head) if (x === 0 || (x < 0x20 && x !== 0x09 && x !== 0x0a && x !== 0x0d && x !== 0x1a)) return false;
  return true;
}

/** The kind of a file from its content; the name only breaks ties the content leaves open. */
export function detectFileKind(name: string, bytes: Uint8Array): FileKind {
  const ext = extensionOf(name);
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE2)) {
    const streams = oleStreamNames(bytes);
    if (streams.some((s) => s === 'Workbook' || s === 'Book')) return 'xls';
    if (streams.some((s) => s === 'WordDocument')) return 'word';
    return ['.doc', '.wps', '.dot'].includes(ext) ? 'word' : 'xls';
  }
  if (u32le(bytes, 0) === 0x04034b50) {
    const mime = odfMimetype(bytes);
    if (mime?.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (mime?.startsWith('application/vnd.oasis.opendocument.text')) return 'word';
    const names = zipNames(bytes) ?? [];
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('word/document.xml')) return 'word';
    if (names.includes('content.xml') && ext === '.ods') return 'ods';
    return 'zip';
  }
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(bytes, 0, 5) === '{\\rtf') return 'word';
  if (looksLikeText(bytes)) {
    const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
    if (/^<(!doctype html|html|table|\?xml|meta)/.test(head)) return 'html';
    return 'csv';
  }
  return 'other';
}

/** "是 .ods 格式" with a space before an extension, "是文字文档格式" without. */
const is = (format: string) => (format.startsWith('.') ? `是 ${format}` : `是${format}`);

const SAVE_AS = '请用 WPS/Excel/LibreOffice 打开后“另存为” .xlsx 再导入。';

/** How a kind is named in a refusal: the file's own extension when it fits the content. */
function formatName(kind: FileKind, ext: string): string {
  const fits: Record<FileKind, readonly string[]> = {
    xlsx: ['.xlsx', '.xlsm'],
    xls: ['.xls', '.et', '.xlt', '.ett'],
    ods: ['.ods', '.ots'],
    csv: ['.csv', '.txt', '.tsv', '.prn'],
    html: ['.xls', '.html', '.htm', '.xml'],
    word: ['.doc', '.docx', '.wps', '.odt', '.rtf'],
    pdf: ['.pdf'],
    zip: ['.zip'],
    empty: [],
    other: [],
  };
  if (fits[kind].includes(ext)) return `${ext} 格式`;
  return {
    xlsx: '.xlsx 格式',
    xls: '旧版 Excel 97-2003（.xls）或 WPS 表格（.et）格式',
    ods: 'OpenDocument 表格（.ods）格式',
    csv: '纯文本（.csv）格式',
    html: '网页（HTML/XML）格式',
    word: '文字文档格式',
    pdf: 'PDF 格式',
    zip: 'ZIP 压缩包',
    empty: '空文件',
    other: '无法识别的格式',
  }[kind];
}

/**
 * Why this file cannot be read as a workbook, naming it and saying what to do; null when its
 * content is an .xlsx workbook (whatever its name says: a form saved as "x.xls" but really .xlsx
 * is read). The workbook's own checks (size, zip bomb, the form itself) still follow.
 */
export function fileKindRefusal(name: string, bytes: Uint8Array): string | null {
  const kind = detectFileKind(name, bytes);
  if (kind === 'xlsx') return null;
  const file = `「${name}」`;
  const ext = extensionOf(name);
  switch (kind) {
    case 'empty':
      return `${file}是空文件（0 字节），可能没有保存完整。请让填报单位重新发送。`;
    case 'word':
      return `${file}${is(formatName(kind, ext))}，不是表格，本程序只能读取 .xlsx 填报表。请选择填回的 .xlsx 填报表；如果内容是填在这个文件里的，请抄回填报表后再导入。`;
    case 'pdf':
      return `${file}是 PDF 格式，不能导入。本程序只能读取 .xlsx，请让填报单位发回填好的 .xlsx 填报表。`;
    case 'zip':
      return `${file}是 ZIP 压缩包，不是 Excel 工作簿。请先解压，再导入其中的 .xlsx 填报表（可以选择整个文件夹）。`;
    case 'other':
      return `${file}不是 Excel 工作簿（.xlsx），或文件已损坏。${SAVE_AS}`;
    default:
      return `${file}${is(formatName(kind, ext))}，本程序只能读取 .xlsx。${SAVE_AS}`;
  }
}

/** Extensions of files that look like spreadsheets: what a folder import reads (and refuses with a reason). */
export const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'et', 'ett', 'ods', 'csv', 'wps'] as const;
