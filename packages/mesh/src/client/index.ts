export type { SmaRTCClientEvents } from './clientEvents.js';
export {
  normalizeQuality,
  type SmaRTCClientOptions,
  type SmaRTCPeer,
  type SmaRTCQuality,
  type SmaRTCStatsEvent,
} from './legacy.js';
export { SmaRTCClient } from './smartcClient.js';
