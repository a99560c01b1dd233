import type { IceConfigResponse, IceServer } from '@smartc/protocol';
import type { ServerConfig } from '../config/serverConfig.js';
import { createTurnCredentials } from './turnCredentials.js';

/** Builds the ICE server list: the STUN URLs, plus TURN with per-subject credentials when configured. */
export class IceService {
  readonly #ice: ServerConfig['ice'];

  constructor(ice: ServerConfig['ice']) {
    this.#ice = ice;
  }

  /** True when TURN entries are handed out. */
  get turnEnabled(): boolean {
    return this.#ice.turnSecret !== undefined && this.#ice.turnUrls.length > 0;
  }

  /** ICE servers for `subject` (user id or guest peer id). */
  iceServers(subject: string, now: Date = new Date()): IceServer[] {
    const servers: IceServer[] = [];
    if (this.#ice.stunUrls.length > 0) servers.push({ urls: [...this.#ice.stunUrls] });
    if (this.turnEnabled && this.#ice.turnSecret !== undefined) {
      const { username, credential } = createTurnCredentials(
        this.#ice.turnSecret,
        subject,
        this.#ice.turnTtlSeconds,
        now,
      );
      servers.push({ urls: [...this.#ice.turnUrls], username, credential });
    }
    return servers;
  }

  /** The `GET /api/webrtc/ice` body. */
  config(subject: string): IceConfigResponse {
    return { iceServers: this.iceServers(subject), ttl: this.#ice.turnTtlSeconds };
  }
}
