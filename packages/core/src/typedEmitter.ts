import { EventEmitter } from 'eventemitter3';

/** An event map: event name → listener argument tuple. */
export type EventMap = { [event: string]: unknown[] };

/** Removes the listener it was returned for. Calling it twice is harmless. */
export type Unsubscribe = () => void;

/**
 * A typed emitter over eventemitter3: one EventMap per emitter, and `on()`/`once()` return an
 * unsubscribe function. Subclasses emit with `emit`; apps only listen.
 *
 * @example
 * type Events = { joined: [peerId: string]; left: [peerId: string, reason: string] };
 * class Room extends TypedEmitter<Events> {}
 * const off = new Room().on('left', (peerId, reason) => console.log(peerId, reason));
 * off();
 */
export class TypedEmitter<M extends EventMap> {
  readonly #emitter = new EventEmitter();

  /** Listens to `event` until the returned function is called. */
  on<K extends keyof M & string>(event: K, listener: (...args: M[K]) => void): Unsubscribe {
    this.#emitter.on(event, listener as (...args: unknown[]) => void);
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

  /** Stops `listener` from receiving `event`. */
  off<K extends keyof M & string>(event: K, listener: (...args: M[K]) => void): void {
    this.#emitter.off(event, listener as (...args: unknown[]) => void);
  }

  /** How many listeners `event` has (or all events together): for leak checks. */
  listenerCount(event?: keyof M & string): number {
    if (event !== undefined) return this.#emitter.listenerCount(event);
    return this.#emitter.eventNames().reduce((sum, name) => sum + this.#emitter.listenerCount(name), 0);
  }

  /** Calls every listener of `event`. A throwing listener does not stop the others. */
  protected emit<K extends keyof M & string>(event: K, ...args: M[K]): void {
    for (const listener of this.#emitter.listeners(event)) {
      try {
        (listener as (...a: M[K]) => void)(...args);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Removes every listener (for `dispose()`). */
  protected removeAllListeners(): void {
    this.#emitter.removeAllListeners();
  }
}
