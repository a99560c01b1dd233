import { describe, expect, it } from 'vitest';
import { Call } from './call.js';

// Nothing is sent, so nothing may be announced as on: the others would see a microphone that says nothing.
describe('Call without local media', () => {
  it('refuses to turn on a microphone or camera it does not have, and announces nothing', async () => {
    const call = new Call({ serverUrl: 'http://127.0.0.1:9', username: 'alice' });
    const seen: unknown[] = [];
    call.subscribe((s) => seen.push(s.self.media));
    await expect(call.setMicrophoneEnabled(true)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/no local audio track/),
    });
    await expect(call.setCameraEnabled(true)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(call.getSnapshot().self.media).toEqual({ audio: false, video: false, screen: false });
    expect(seen).toEqual([]);
    // turning off what is already off is fine
    await expect(call.setMicrophoneEnabled(false)).resolves.toBeUndefined();
    await call.dispose();
  });
});
