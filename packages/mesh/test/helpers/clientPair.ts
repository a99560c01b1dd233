import type { SmaRTCServer } from '@smartc/server';
import type { SmaRTCClientOptions } from '../../src/client/index.js';
import { createClient, type RecordedClient, startVideo, waitForEvents } from './clientHarness.js';

/** Two recorded clients sending video, connected to each other in `sessionId`. */
export interface ClientPair {
  alice: RecordedClient;
  bob: RecordedClient;
  /** Stops the sources and disconnects both. */
  close(): Promise<void>;
}

/** Alice then Bob connect to `sessionId`; resolves once each has the other's remote stream. */
export async function connectClients(
  server: SmaRTCServer,
  sessionId: string,
  options: Partial<SmaRTCClientOptions> = {},
): Promise<ClientPair> {
  const videos = [startVideo(), startVideo()] as const;
  const alice = createClient(server, 'alice', { sessionId, ...options });
  const bob = createClient(server, 'bob', { sessionId, ...options });
  const pair: ClientPair = {
    alice,
    bob,
    async close() {
      for (const v of videos) v.stop();
      await Promise.all([alice.client.disconnect(), bob.client.disconnect()]);
    },
  };
  try {
    await alice.client.connect(videos[0].stream);
    await bob.client.connect(videos[1].stream);
    await waitForEvents(alice, () => alice.of('remote-stream').length > 0, 'alice gets a remote stream');
    await waitForEvents(bob, () => bob.of('remote-stream').length > 0, 'bob gets a remote stream');
  } catch (error) {
    await pair.close();
    throw error;
  }
  return pair;
}
