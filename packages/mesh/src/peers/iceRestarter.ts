import { errorFromCode, type SmaRTCError } from '@smartc/core';
import type { IceRestartOptions, IceServersProvider, MeshLogger } from './types.js';

/** What an {@link IceRestarter} needs. */
export interface IceRestarterOptions extends IceRestartOptions {
  pc: RTCPeerConnection;
  /** Fresh ICE servers (TURN credentials expire), applied with `setConfiguration` before each restart. */
  iceServers?: IceServersProvider;
  /** Triggers the restart (the negotiator's `restartIce`). */
  restart(): void;
  /** A restart begins (`attempt` counts from 1 within one outage). */
  onRestart?(attempt: number): void;
  /** Attempts ran out: `PEER_CONNECTION_FAILED`. Emitted once. */
  onFailed(error: SmaRTCError): void;
  logger?: MeshLogger;
  label?: string;
}

/** Default ICE restart policy. */
export const DEFAULT_ICE_RESTART: Required<IceRestartOptions> = {
  disconnectedGraceMs: 3000,
  maxAttempts: 3,
  attemptTimeoutMs: 10_000,
};

/**
 * Keeps one connection alive: an ICE restart at once on `failed`, after a grace period on
 * `disconnected`, each with fresh ICE servers; each attempt has a deadline; after `maxAttempts`
 * without reaching `connected`, `onFailed(PEER_CONNECTION_FAILED)`. `connected` resets the count.
 *
 * @example
 * const restarter = new IceRestarter({ pc, restart: () => negotiator.restartIce(), onFailed: (e) => fail(e) });
 * pc.addEventListener('connectionstatechange', () => restarter.update(pc.connectionState));
 */
export class IceRestarter {
  readonly #o: IceRestarterOptions & Required<IceRestartOptions>;
  #attempts = 0;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;
  #attemptTimer: ReturnType<typeof setTimeout> | undefined;
  #done = false;

  constructor(options: IceRestarterOptions) {
    this.#o = {
      ...options,
      disconnectedGraceMs: options.disconnectedGraceMs ?? DEFAULT_ICE_RESTART.disconnectedGraceMs,
      maxAttempts: options.maxAttempts ?? DEFAULT_ICE_RESTART.maxAttempts,
      attemptTimeoutMs: options.attemptTimeoutMs ?? DEFAULT_ICE_RESTART.attemptTimeoutMs,
    };
  }

  /** Restarts made in the current outage. */
  get attempts(): number {
    return this.#attempts;
  }
  /** True once attempts ran out (or after `dispose()`). */
  get done(): boolean {
    return this.#done;
  }

  /** Feeds a connection state (`connectionState`, or `iceConnectionState` where that is missing). */
  update(state: RTCPeerConnectionState | RTCIceConnectionState): void {
    if (this.#done) return;
    if (state === 'connected' || state === 'completed') {
      this.#clearTimers();
      this.#attempts = 0;
    } else if (state === 'failed') {
      clearTimeout(this.#graceTimer);
      this.#graceTimer = undefined;
      // A restart in flight may report the old `failed`; its deadline decides. Otherwise restart now.
      if (this.#attemptTimer === undefined) void this.#attempt();
    } else if (state === 'disconnected') {
      if (this.#graceTimer !== undefined || this.#attemptTimer !== undefined) return;
      this.#graceTimer = setTimeout(() => {
        this.#graceTimer = undefined;
        const now = this.#o.pc.connectionState ?? this.#o.pc.iceConnectionState;
        if (now === 'disconnected' || now === 'failed') void this.#attempt();
      }, this.#o.disconnectedGraceMs);
    }
  }

  /** A restart asked for by the app: starts a new series of attempts. */
  restartNow(): void {
    if (this.#done) return;
    this.#clearTimers();
    this.#attempts = 0;
    void this.#attempt();
  }

  /** Stops every timer; nothing is emitted afterwards. */
  dispose(): void {
    this.#done = true;
    this.#clearTimers();
  }

  async #attempt(): Promise<void> {
    if (this.#done) return;
    if (this.#attempts >= this.#o.maxAttempts) {
      this.#fail();
      return;
    }
    this.#attempts += 1;
    const attempt = this.#attempts;
    this.#attemptTimer = setTimeout(() => {
      this.#attemptTimer = undefined;
      const now: string = this.#o.pc.connectionState ?? this.#o.pc.iceConnectionState;
      if (now !== 'connected' && now !== 'completed') void this.#attempt();
    }, this.#o.attemptTimeoutMs);
    this.#o.logger?.info?.(`[ice ${this.#o.label ?? ''}] restart ${attempt}/${this.#o.maxAttempts}`);
    this.#o.onRestart?.(attempt);
    await this.#refreshIceServers();
    if (this.#done || attempt !== this.#attempts) return;
    this.#o.restart();
  }

  async #refreshIceServers(): Promise<void> {
    const provider = this.#o.iceServers;
    if (!provider) return;
    try {
      const iceServers = await provider();
      const pc = this.#o.pc;
      if (this.#done || pc.signalingState === 'closed') return;
      pc.setConfiguration({ ...pc.getConfiguration(), iceServers });
    } catch (error) {
      this.#o.logger?.warn?.(
        `[ice ${this.#o.label ?? ''}] fresh ICE servers failed: ${(error as Error)?.message}`,
      );
    }
  }

  #fail(): void {
    this.#done = true;
    this.#clearTimers();
    this.#o.onFailed(
      errorFromCode(
        'PEER_CONNECTION_FAILED',
        `The connection to ${this.#o.label ?? 'a participant'} failed after ${this.#o.maxAttempts} ICE restarts.`,
      ),
    );
  }

  #clearTimers(): void {
    clearTimeout(this.#graceTimer);
    clearTimeout(this.#attemptTimer);
    this.#graceTimer = undefined;
    this.#attemptTimer = undefined;
  }
}
