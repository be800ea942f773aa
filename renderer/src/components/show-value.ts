import { formatFieldValue, type FieldValueOptions } from '../../../shared/views/field-value';

/**
 * A field value as a clerk reads it: the core's {@link formatFieldValue} (deadlines as text, 万元,
 * dates in words, names for ids, never JSON). Kept under this name for the conflict list; new code
 * calls formatFieldValue with the field's name.
 */
export function showValue(value: unknown, field = '', options: FieldValueOptions = {}): string {
  return formatFieldValue(field, value, options);
}
