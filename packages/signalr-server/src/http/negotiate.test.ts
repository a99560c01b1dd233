import { describe, expect, it } from 'vitest';
import { parseNegotiateVersion, writeNegotiateResponse } from './negotiate.js';

describe('negotiate', () => {
  it('reads negotiateVersion case-insensitively and caps it', () => {
    expect(parseNegotiateVersion(new URLSearchParams('negotiateVersion=1'))).toEqual({ version: 1 });
    expect(parseNegotiateVersion(new URLSearchParams('NEGOTIATEVERSION=7'))).toEqual({ version: 1 });
    expect(parseNegotiateVersion(new URLSearchParams(''))).toEqual({ version: 0 });
    expect(parseNegotiateVersion(new URLSearchParams('negotiateVersion=x'))).toEqual({
      error: 'The client requested a non-integer protocol version.',
    });
  });

  it('writes v1 with a token and v0 without', () => {
    const v1 = JSON.parse(writeNegotiateResponse(1, 'id', 'tok', ['WebSockets', 'ServerSentEvents']));
    expect(v1).toEqual({
      negotiateVersion: 1,
      connectionId: 'id',
      connectionToken: 'tok',
      availableTransports: [
        { transport: 'WebSockets', transferFormats: ['Text', 'Binary'] },
        { transport: 'ServerSentEvents', transferFormats: ['Text'] },
      ],
    });
    expect(JSON.parse(writeNegotiateResponse(0, 'id', 'tok', ['LongPolling']))).not.toHaveProperty(
      'connectionToken',
    );
  });
});
