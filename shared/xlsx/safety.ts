import { Inflate } from 'fflate';
import { XlsxError } from './errors';

/** What a workbook may be before it is parsed. Real plans and forms are well under 1 MB. */
export interface XlsxLimits {
  /** The file itself. */
  maxFileBytes: number;
  /** All parts of the zip, uncompressed. */
  maxUncompressedBytes: number;
  /** Parts in the zip. */
  maxEntries: number;
  /** Uncompressed ÷ compressed for any part larger than 1 MB uncompressed. */
  maxRatio: number;
  /** Rows over all worksheets, counted in the sheet XML while it is inflated, before any parsing. */
  maxRows?: number;
  /** Cells over all worksheets, counted the same way. */
  maxCells?: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 200,
  maxRows: 50_000,
  maxCells: 1_000_000,
};

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

export interface ZipEntryInfo {
  name: string;
  compressed: number;
  uncompressed: number;
  /** 0 stored, 8 deflated; nothing else is read. */
  method: number;
  /** General-purpose flags (bit 0: encrypted, bit 3: sizes in a data descriptor after the data). */
  flags: number;
  /** Where the part's local header starts. */
  localOffset: number;
}

/**
 * Reads the zip's central directory (the list at the end of the file) without decompressing
 * anything, so sizes can be checked before a byte is inflated.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntryInfo[] {
  const notZip = () => new XlsxError('not-xlsx', '这不是 Excel 工作簿（.xlsx）文件，或文件已损坏。请在 Excel 或 WPS 中打开后另存为“Excel 工作簿（*.xlsx）”再导入。');
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  const count = u16(bytes, eocd + 10);
  const size = u32(bytes, eocd + 12);
  const offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new XlsxError('too-large', '文件使用了 ZIP64 格式（只有超大文件才需要），不像是填报表或实施方案，已拒绝。');
  }
  if (offset + size > bytes.length) throw notZip();
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw notZip();
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const localOffset = u32(bytes, at + 42);
    const compressed = u32(bytes, at + 20);
    const uncompressed = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed, method, flags, localOffset });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/**
 * Checks a file before exceljs sees it: size, zip structure, that it is a workbook (not an old
 * .xls, a Word file or a renamed archive), the uncompressed sizes stated in the zip directory,
 * and then the real inflated sizes (a zip can lie about its sizes), stopping as soon as a limit
 * is passed, so memory stays bounded. Throws XlsxError with a Chinese message.
 */
export function checkXlsxBytes(bytes: Uint8Array, limits: XlsxLimits = DEFAULT_XLSX_LIMITS): void {
  if (bytes.length === 0) throw new XlsxError('not-xlsx', '文件是空的（0 字节）。');
  if (bytes.length > limits.maxFileBytes) {
    throw new XlsxError('too-large', `文件过大（${mb(bytes.length)}），超过上限 ${mb(limits.maxFileBytes)}。填报表和实施方案通常不到 1 MB，请检查是否选错了文件。`);
  }
  if (u32(bytes, 0) === 0xe011cfd0) {
    throw new XlsxError('old-xls', '这是旧版 Excel 97-2003 文件（.xls）或 WPS 的 .et 文件。请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再导入。');
  }
  if (u32(bytes, 0) !== 0x04034b50) throw new XlsxError('not-xlsx', '这不是 Excel 工作簿（.xlsx）文件。请在 Excel 或 WPS 中打开后另存为“Excel 工作簿（*.xlsx）”再导入。');
  const entries = readZipDirectory(bytes);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    const what = names.has('word/document.xml') ? '这是 Word 文档（.docx），不是 Excel 工作簿。' : '这个压缩文件不是 Excel 工作簿（.xlsx）。';
    throw new XlsxError('not-xlsx', `${what}请选择 .xlsx 文件。`);
  }
  if (entries.length > limits.maxEntries) throw new XlsxError('zip-bomb', `文件内部含有 ${entries.length} 个部件，超过上限 ${limits.maxEntries}，可能是恶意构造的文件，已拒绝。`);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressed;
    if (e.uncompressed > MB && e.uncompressed > limits.maxRatio * Math.max(1, e.compressed)) {
      throw new XlsxError('zip-bomb', `文件内部的“${e.name}”解压后 ${mb(e.uncompressed)}，压缩比异常（超过 ${limits.maxRatio} 倍），可能是“压缩炸弹”，已拒绝。`);
    }
  }
  if (declared > limits.maxUncompressedBytes) {
    throw new XlsxError('zip-bomb', `文件解压后共 ${mb(declared)}，超过上限 ${mb(limits.maxUncompressedBytes)}，可能是“压缩炸弹”，已拒绝。`);
  }
  verifyInflatedSizes(bytes, entries, limits);
}

/** Where a part's data lies, by the central directory, after its local header has been checked against it. */
interface PartData {
  entry: ZipEntryInfo;
  start: number;
  end: number;
}

function differential(name: string, what: string): XlsxError {
  return new XlsxError(
    'zip-bomb',
    `文件内部“${name.slice(0, 80)}”的${what}在压缩目录与部件记录中不一致，Excel 和 WPS 不会写出这样的文件，可能是恶意构造的文件，已拒绝。`,
  );
}

/**
 * The zip as the spreadsheet library sees it (the central directory), checked against every part's
 * local header: same name, method and sizes, each part's data inside the file and no two parts
 * sharing bytes. What is inflated and limited below is then exactly what the library would read.
 */
export function checkLocalHeaders(bytes: Uint8Array, entries: readonly ZipEntryInfo[]): PartData[] {
  const parts: PartData[] = [];
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) throw differential(e.name, '名称（出现两次）');
    names.add(e.name);
    if (e.flags & 1) throw new XlsxError('not-xlsx', `文件内部的“${e.name.slice(0, 80)}”已加密。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入。`);
    if (e.method !== 0 && e.method !== 8) throw new XlsxError('corrupt', `文件内部的“${e.name.slice(0, 80)}”使用了不支持的压缩方式，请在 Excel 或 WPS 中重新保存为 .xlsx 再试。`);
    const at = e.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) throw differential(e.name, '位置');
    const nameLength = u16(bytes, at + 26);
    const start = at + 30 + nameLength + u16(bytes, at + 28);
    if (new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)) !== e.name) throw differential(e.name, '名称');
    if (u16(bytes, at + 8) !== e.method) throw differential(e.name, '压缩方式');
    // With bit 3 the local sizes are zero and follow the data; the directory's are the ones read.
    if (!(u16(bytes, at + 6) & 8) && (u32(bytes, at + 18) !== e.compressed || u32(bytes, at + 22) !== e.uncompressed)) throw differential(e.name, '大小');
    if (e.method === 0 && e.compressed !== e.uncompressed) throw differential(e.name, '大小');
    const end = start + e.compressed;
    if (end > bytes.length) throw new XlsxError('corrupt', `文件不完整：“${e.name.slice(0, 80)}”的数据超出了文件末尾。请重新保存或让对方重新发送。`);
    parts.push({ entry: e, start, end });
  }
  const ordered = [...parts].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    if (ordered[i].entry.localOffset < ordered[i - 1].end) throw differential(ordered[i].entry.name, '数据范围（与其他部件重叠）');
  }
  return parts;
}

const LT = 0x3c;
const isTagEnd = (b: number) => b === 0x20 || b === 0x3e || b === 0x2f || b === 0x09 || b === 0x0a || b === 0x0d;

/** Counts `<row` and `<c` start tags in worksheet XML as it streams out of inflate, across chunk boundaries. */
class SheetCounter {
  rows = 0;
  cells = 0;
  private state = 0;

  push(chunk: Uint8Array): void {
    let state = this.state;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === LT) state = 1;
      else if (state === 1) state = b === 0x72 ? 2 : b === 0x63 ? 5 : 0; // r, c
      else if (state === 2) state = b === 0x6f ? 3 : 0; // o
      else if (state === 3) state = b === 0x77 ? 4 : 0; // w
      else if (state === 4) {
        if (isTagEnd(b)) this.rows += 1;
        state = 0;
      } else if (state === 5) {
        if (isTagEnd(b)) this.cells += 1;
        state = 0;
      }
    }
    this.state = state;
  }
}

const INFLATE_CHUNK = 64 * 1024;

/**
 * Inflates every part by the central directory's view, counting bytes and keeping none: a part that
 * inflates to more than it declares, or to a different size, is refused as soon as that shows, and
 * the rows and cells of every worksheet are counted while its XML streams out, so a million-row
 * sheet is refused before the spreadsheet library builds a single row.
 */
function verifyInflatedSizes(bytes: Uint8Array, entries: ZipEntryInfo[], limits: XlsxLimits): void {
  const parts = checkLocalHeaders(bytes, entries);
  const maxRows = limits.maxRows ?? DEFAULT_XLSX_LIMITS.maxRows ?? Infinity;
  const maxCells = limits.maxCells ?? DEFAULT_XLSX_LIMITS.maxCells ?? Infinity;
  let total = 0;
  const sheets = new SheetCounter();
  for (const { entry, start, end } of parts) {
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.name);
    let seen = 0;
    let refusal: XlsxError | null = null;
    const take = (chunk: Uint8Array) => {
      if (refusal) return;
      seen += chunk.length;
      total += chunk.length;
      if (seen > entry.uncompressed || total > limits.maxUncompressedBytes) {
        refusal = new XlsxError('zip-bomb', `文件内部的“${entry.name.slice(0, 80)}”解压后比文件自己声明的大，可能是“压缩炸弹”，已拒绝。`);
        return;
      }
      if (!isSheet) return;
      sheets.push(chunk);
      if (sheets.rows > maxRows) refusal = new XlsxError('too-large', `工作表中的行超过 ${maxRows.toLocaleString('en-US')} 行的上限（填报表和实施方案通常不到 1000 行），已拒绝。请检查是否选错了文件。`);
      else if (sheets.cells > maxCells) refusal = new XlsxError('too-large', `工作表中的单元格超过 ${maxCells.toLocaleString('en-US')} 个的上限，已拒绝。请检查是否选错了文件。`);
    };
    const data = bytes.subarray(start, end);
    if (entry.method === 0) {
      for (let at = 0; at < data.length && !refusal; at += INFLATE_CHUNK) take(data.subarray(at, at + INFLATE_CHUNK));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        for (let at = 0; at < data.length && !refusal; at += INFLATE_CHUNK) inflate.push(data.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= data.length);
        if (data.length === 0) inflate.push(new Uint8Array(0), true);
      } catch {
        refusal ??= new XlsxError('corrupt', `文件已损坏，无法解压其中的“${entry.name.slice(0, 80)}”。请重新保存或让对方重新发送。`);
      }
    }
    if (refusal) throw refusal;
    if (seen !== entry.uncompressed) {
      throw new XlsxError('corrupt', `文件已损坏：其中的“${entry.name.slice(0, 80)}”解压后的大小与文件声明的不符。请在 Excel 或 WPS 中重新保存为 .xlsx，或让对方重新发送。`);
    }
  }
}
