/** What went wrong, in the words of the error itself (a ValidationError's Chinese message), for a note or a log. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
