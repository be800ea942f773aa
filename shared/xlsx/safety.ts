import { Unzip, UnzipInflate } from 'fflate';
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
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxEntries: 2000,
  maxRatio: 200,
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
    const compressed = u32(bytes, at + 20);
    const uncompressed = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extra = u16(bytes, at + 30);
    const comment = u16(bytes, at + 32);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed });
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

/** Inflates every part in a stream, counting bytes and keeping none, and stops at the first lie. */
function verifyInflatedSizes(bytes: Uint8Array, entries: ZipEntryInfo[], limits: XlsxLimits): void {
  const declared = new Map(entries.map((e) => [e.name, e.uncompressed]));
  let total = 0;
  let refusal: XlsxError | null = null;
  const unzip = new Unzip((file) => {
    let seen = 0;
    const allowed = declared.get(file.name) ?? 0;
    file.ondata = (err, chunk) => {
      if (refusal) return;
      if (err) {
        refusal = new XlsxError('corrupt', `文件已损坏，无法解压其中的“${file.name}”。请重新保存或让对方重新发送。`);
        return;
      }
      seen += chunk.length;
      total += chunk.length;
      if (seen > allowed || total > limits.maxUncompressedBytes) {
        refusal = new XlsxError('zip-bomb', `文件内部的“${file.name}”解压后比文件自己声明的大，可能是“压缩炸弹”，已拒绝。`);
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const CHUNK = 64 * 1024;
  try {
    for (let at = 0; at < bytes.length && !refusal; at += CHUNK) {
      unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
    }
  } catch {
    refusal ??= new XlsxError('corrupt', '文件已损坏，无法解压。请重新保存或让对方重新发送。');
  }
  if (refusal) throw refusal;
}
