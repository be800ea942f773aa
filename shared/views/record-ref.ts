/** A record by its table and id: what a change, a merge preview or a bin row points at. */
export interface RecordRef<Table extends string = string> {
  table: Table;
  id: string;
}
