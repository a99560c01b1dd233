// TEMPORARY stand-in until src/signaling/index.ts (createSignaling) lands. Replaced by a re-export.
import type { Signaling, SignalingDeps } from './signaling/deps.js';

export function createSignaling(
  _deps: SignalingDeps,
  _options?: { hubOptions?: { cors?: { origin: (origin: string) => boolean } } },
): Signaling {
  return {
    hub: { handleRequest: () => false, handleUpgrade: () => false, connectionCount: 0 },
    participants: () => [],
    endSession: async () => {},
    removeUser: async () => {},
    close: async () => {},
  };
}
