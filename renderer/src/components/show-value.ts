/** A field value as a clerk reads it in a history or a choice: text as is, anything else as JSON. */
export function showValue(value: unknown, maxLength = Infinity): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
}
