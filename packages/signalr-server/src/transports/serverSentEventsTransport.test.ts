import { expect, it } from 'vitest';
import { formatServerSentEvent } from './serverSentEventsTransport.js';

it('formats one payload as one event with a data line per line', () => {
  expect(formatServerSentEvent('{"type":6}\x1e')).toBe('data: {"type":6}\x1e\r\n\r\n');
  expect(formatServerSentEvent('a\r\nb')).toBe('data: a\r\ndata: b\r\n\r\n');
});
