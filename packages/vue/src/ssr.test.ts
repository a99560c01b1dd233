// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';

/** What a browser has and a server does not. */
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'self',
  'localStorage',
  'HTMLElement',
  'HTMLMediaElement',
  'MediaStream',
  'RTCPeerConnection',
];

describe('server-side rendering', () => {
  it('imports without touching any browser global', async () => {
    const touched: string[] = [];
    const saved = BROWSER_GLOBALS.map(
      (key) => [key, Object.getOwnPropertyDescriptor(globalThis, key)] as const,
    );
    for (const key of BROWSER_GLOBALS) {
      Object.defineProperty(globalThis, key, {
        configurable: true,
        get: () => {
          touched.push(key);
          return undefined;
        },
      });
    }
    try {
      const bindings = await import('./index.js');
      expect(typeof bindings.useCall).toBe('function');
    } finally {
      for (const [key, descriptor] of saved) {
        if (descriptor) Object.defineProperty(globalThis, key, descriptor);
        else delete (globalThis as Record<string, unknown>)[key];
      }
    }
    expect(touched).toEqual([]);
  });

  it('renders the grid, the state and the device picker from the snapshot, subscribing to nothing', async () => {
    const { DevicePicker, ParticipantGrid, SmaRTCPlugin, useCall, useParticipants } = await import(
      './index.js'
    );
    const { joinedCall, peerInfo } = await import('./scriptedCall.testkit.js');
    const store = joinedCall([peerInfo('b-1', 'bob', false, true)], 'alice');
    store.dispatch({ type: 'quality', peerId: 'b-1', quality: { level: 'good', reasons: [] } });
    const app = createSSRApp({
      setup() {
        const { status } = useCall();
        const participants = useParticipants();
        return () =>
          h('main', [
            h('p', `${status.value}, ${participants.value.length} other`),
            h(ParticipantGrid),
            h(DevicePicker),
          ]);
      },
    }).use(SmaRTCPlugin, { call: store.call });
    const html = await renderToString(app);
    expect(html).toContain('<p>joined, 1 other</p>');
    expect(html).toContain('alice (you)');
    expect(html).toMatch(
      /data-peer-id="b-1"[\s\S]*bob[\s\S]*aria-label="Microphone off"[\s\S]*data-level="good"/,
    );
    expect(html).toContain('<select disabled');
    expect(store.listenerCount).toBe(0);
  });
});
