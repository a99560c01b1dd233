/** An event map: event name → listener argument tuple. */
export type EventMap = { [event: string]: unknown[] };

/** Removes the listener it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/** A listener as stored: its argument types are checked where it is added. */
type Listener = (...args: unknown[]) => void;

/**
 * A typed emitter: one EventMap per emitter, and `on()`/`once()` return an unsubscribe function.
 * Subclasses emit with `emit`; apps only listen. Listeners run in the order they were added, each
 * isolated from the others' exceptions. (A map of arrays: all eventemitter3 gave us, without its bytes
 * in the script-tag build.)
 *
 * @example
 * type Events = { joined: [peerId: string]; left: [peerId: string, reason: string] };
 * class Room extends TypedEmitter<Events> {}
 * const off = new Room().on('left', (peerId, reason) => console.log(peerId, reason));
 * off();
 */
export class TypedEmitter<M extends EventMap> {
  readonly #listeners = new Map<string, Listener[]>();

  /** Listens to `event` until the returned function is called. */
  on<K extends keyof M & string>(event: K, listener: (...args: M[K]) => void): Unsubscribe {
    // Arrays are replaced, never changed: an emit in progress goes on with the listeners it started with.
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener as Listener]);
    return () => this.off(event, listener);
  }

  /** Listens to the next `event` only. Cancel it with the returned function (not `off`). */
  once<K extends keyof M & string>(event: K, listener: (...args: M[K]) => void): Unsubscribe {
    const unsubscribe = this.on(event, (...args) => {
      unsubscribe();
      listener(...args);
    });
    return unsubscribe;
  }

  /** Stops `listener` (every time it was added) from receiving `event`. */
  off<K extends keyof M & string>(event: K, listener: (...args: M[K]) => void): void {
    const list = this.#listeners.get(event)?.filter((l) => l !== (listener as Listener));
    if (list?.length) this.#listeners.set(event, list);
    else this.#listeners.delete(event);
  }

  /** How many listeners `event` has (or all events together): for leak checks. */
  listenerCount(event?: keyof M & string): number {
    if (event !== undefined) return this.#listeners.get(event)?.length ?? 0;
    let sum = 0;
    for (const list of this.#listeners.values()) sum += list.length;
    return sum;
  }

  /** Calls every listener of `event` (those added by then). A throwing listener does not stop the others. */
  protected emit<K extends keyof M & string>(event: K, ...args: M[K]): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      try {
        listener(...args);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Removes every listener (for `dispose()`). */
  protected removeAllListeners(): void {
    this.#listeners.clear();
  }
}
