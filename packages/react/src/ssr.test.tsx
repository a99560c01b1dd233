// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Browser globals a careless SDK would reach for while rendering; reading one fails the test. `window` and
 * `document` are simply absent, as on a server: using them (beyond a `typeof` check) would throw.
 */
const BROWSER_GLOBALS = [
  'navigator',
  'MediaStream',
  'MediaStreamTrack',
  'RTCPeerConnection',
  'HTMLMediaElement',
  'localStorage',
];
const touched: string[] = [];
const saved = new Map<string, PropertyDescriptor | undefined>();

beforeAll(() => {
  for (const name of BROWSER_GLOBALS) {
    saved.set(name, Object.getOwnPropertyDescriptor(globalThis, name));
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        return undefined;
      },
    });
  }
});

afterAll(() => {
  for (const [name, descriptor] of saved) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

/** The call's state as text (the package is imported only once the traps are set, hence the prop). */
function Status({ sdk }: { sdk: typeof import('./index.js') }) {
  const { status, self } = sdk.useCall();
  const { microphoneEnabled } = sdk.useLocalMedia();
  return <p>{`${self.username} ${status} mic ${microphoneEnabled ? 'on' : 'off'}`}</p>;
}

describe('server rendering', () => {
  it('imports and renders the idle call to HTML without reading a browser global', async () => {
    const { renderToString } = await import('react-dom/server');
    const sdk = await import('./index.js');
    const { SmaRTCProvider, ParticipantGrid, DevicePicker, SmaRTCStyles } = sdk;
    const html = renderToString(
      <SmaRTCProvider options={{ serverUrl: 'http://localhost:8080', username: 'alice' }} sessionId="room-1">
        <SmaRTCStyles />
        <Status sdk={sdk} />
        <ParticipantGrid />
        <DevicePicker />
      </SmaRTCProvider>,
    );
    expect(html).toContain('alice idle mic off');
    expect(html).toContain('alice (you)'); // the self tile
    expect(html).toContain('Microphone');
    expect(html).toContain('.smartc-tile');
    expect(touched).toEqual([]);
    expect(typeof window).toBe('undefined');
  });
});
