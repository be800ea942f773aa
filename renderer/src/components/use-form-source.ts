import { useEffect, useRef } from 'react';
import type { FormInstance } from 'antd';
import { registerUnsaved } from './unsaved-guard';

/** Empty text, an empty list and no value are the same for "has the clerk changed anything". */
function settled(json: string): string {
  return JSON.stringify((JSON.parse(json) as [string, unknown][]).map(([k, v]) => [k, v === '' || (Array.isArray(v) && v.length === 0) ? null : v]));
}

/** JSON of the form's current values for the keys the source fills, for comparing snapshots. */
function snapshot(values: object, keys: readonly string[]): string {
  const all = values as Record<string, unknown>;
  return JSON.stringify(keys.map((k) => [k, all[k] ?? null]));
}

/**
 * Fills a form from a record without ever losing what the clerk typed. The form is (re)filled when
 * it opens on a record (`identity` changes) and when the record changes while the form still shows
 * what was last filled in. If the clerk has typed something, a re-read of the data (a save
 * elsewhere, another window, an import) leaves the form alone.
 */
export function useFormSource<T extends object>(form: FormInstance<T>, source: T, identity: string): { saved: () => void } {
  const applied = useRef<{ identity: string; json: string } | null>(null);
  const keys = Object.keys(source);
  const json = snapshot(source, keys);
  const keysRef = useRef(keys);
  keysRef.current = keys;
  // Unsaved work is what differs from what the form was last filled with (see unsaved-guard.tsx).
  useEffect(
    () =>
      registerUnsaved(() => {
        const last = applied.current;
        return !!last && settled(snapshot(form.getFieldsValue(true) as object, keysRef.current)) !== settled(last.json);
      }),
    [form],
  );
  useEffect(() => {
    const last = applied.current;
    if (last && last.identity === identity) {
      if (last.json === json) return;
      const current = snapshot(form.getFieldsValue(true) as object, keys);
      if (current !== last.json && current !== json) return; // the clerk is editing: keep it
    }
    form.setFieldsValue(source as Parameters<FormInstance<T>['setFieldsValue']>[0]);
    applied.current = { identity, json };
    // `json` stands for `source` and `keys`: an equal record re-read as a new object changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, identity, json]);
  return {
    /** After a save: what the form shows is what was saved, so it is no longer unsaved work and the re-read record refills it. */
    saved: () => {
      if (applied.current) applied.current = { identity: applied.current.identity, json: snapshot(form.getFieldsValue(true) as object, keysRef.current) };
    },
  };
}
