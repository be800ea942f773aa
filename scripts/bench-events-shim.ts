/**
 * Node's EventEmitter, the part PouchDB uses, for the bench page (pouchdb-browser imports 'events',
 * which the browser has no module for; esbuild maps it here).
 */
type Listener = (...args: unknown[]) => void;

// Kept outside the object: PouchDB also calls these methods bound to its constructor function.
const all = new WeakMap<object, Map<string | symbol, Listener[]>>();
function handlersOf(o: object): Map<string | symbol, Listener[]> {
  let m = all.get(o);
  if (!m) all.set(o, (m = new Map()));
  return m;
}

export default class EventEmitter {

  setMaxListeners(): this {
    return this;
  }
  on(name: string | symbol, fn: Listener): this {
    handlersOf(this).set(name, [...(handlersOf(this).get(name) ?? []), fn]);
    return this;
  }
  addListener(name: string | symbol, fn: Listener): this {
    return this.on(name, fn);
  }
  once(name: string | symbol, fn: Listener): this {
    const wrapped: Listener & { inner?: Listener } = (...args) => {
      this.removeListener(name, wrapped);
      fn.apply(this, args);
    };
    wrapped.inner = fn;
    return this.on(name, wrapped);
  }
  removeListener(name: string | symbol, fn: Listener): this {
    const list = handlersOf(this).get(name) ?? [];
    const i = list.findIndex((l) => l === fn || (l as Listener & { inner?: Listener }).inner === fn);
    if (i >= 0) handlersOf(this).set(name, [...list.slice(0, i), ...list.slice(i + 1)]);
    return this;
  }
  off(name: string | symbol, fn: Listener): this {
    return this.removeListener(name, fn);
  }
  removeAllListeners(name?: string | symbol): this {
    if (name === undefined) handlersOf(this).clear();
    else handlersOf(this).delete(name);
    return this;
  }
  listeners(name: string | symbol): Listener[] {
    return [...(handlersOf(this).get(name) ?? [])];
  }
  listenerCount(name: string | symbol): number {
    return handlersOf(this).get(name)?.length ?? 0;
  }
  emit(name: string | symbol, ...args: unknown[]): boolean {
    const list = handlersOf(this).get(name);
    if (!list?.length) {
      if (name === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const fn of [...list]) fn.apply(this, args);
    return true;
  }
}
export { EventEmitter };

// PouchDB copies EventEmitter.prototype's keys onto its constructor: methods must be enumerable.
for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor') Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
}
(EventEmitter as unknown as { listenerCount: (e: EventEmitter, n: string) => number }).listenerCount = (e, n) => e.listenerCount(n);
