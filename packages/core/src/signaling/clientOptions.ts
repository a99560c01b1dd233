import type { MediaState } from '@smartc/protocol';
import type { HubConnectionSettings } from './hubConnection.js';
import type { ReconnectPolicyInput } from './reconnectPolicy.js';

/** Options of {@link SignalingClient}. */
export interface SignalingClientOptions extends HubConnectionSettings {
  /** Server origin, e.g. `https://calls.example.com` (absolute in Node). */
  serverUrl: string;
  /** Called on every (re)connect; return the access token, or `undefined` to join as a guest. */
  getToken?: () => string | undefined | Promise<string | undefined>;
  /** Default `HUB_PATH` (`/signalhub`). */
  hubPath?: string;
  /** Restrict the transports (default all three, tried WebSockets → SSE → long polling). */
  transports?: HubConnectionSettings['transports'];
  /** A policy object, or options of the default LiveKit-style one (0, 0.3, 1.2, 2.7 … ≤ 10 s, 10 tries / 60 s). */
  reconnectPolicy?: ReconnectPolicyInput;
  /** After a rejoin, how long known peers missing from the result may take to reappear. Default 15 000 ms. */
  peerLeftGraceMs?: number;
  /** How long calls made while reconnecting wait for the rejoin before failing with `SIGNALING_DISCONNECTED`. Default 10 000 ms; 0 fails at once. */
  rejoinWaitMs?: number;
}

/** Options of {@link SignalingClient.join}. */
export interface SignalingJoinOptions {
  /** Your display name (accounts: the server uses the account's username). */
  username: string;
  /** Initial media state announced to the others. */
  media?: Partial<MediaState>;
  /** Resume an earlier participant (same peerId); if the server rejects it the join goes on fresh. */
  resumeToken?: string;
}
