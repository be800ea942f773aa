/**
 * For a read started from an effect (a notice, a trail, a register): if it fails (the disk, a
 * database closed while the workspace is being reset) it is logged and the part stays empty,
 * instead of an unhandled rejection. Reads a clerk asked for report their failure in a message.
 */
export function logReadError(what: string): (e: unknown) => void {
  return (e) => console.error(`读取${what}失败`, e);
}
