import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { RECORD_SEPARATOR, TextMessageParser, writeRecord } from './textMessageFormat.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('TextMessageParser', () => {
  it('splits several records in one chunk', () => {
    const parser = new TextMessageParser(1024);
    expect(parser.push(bytes(`{"a":1}${RECORD_SEPARATOR}{"b":2}${RECORD_SEPARATOR}`))).toEqual([
      '{"a":1}',
      '{"b":2}',
    ]);
    expect(parser.pendingBytes).toBe(0);
  });

  it('joins a record split across chunks, including inside a multi-byte character', () => {
    const parser = new TextMessageParser(1024);
    const whole = bytes(`{"t":"héllo €"}${RECORD_SEPARATOR}{"x"`);
    const cut = whole.indexOf(0xe2) + 1; // inside the euro sign
    expect(parser.push(whole.subarray(0, cut))).toEqual([]);
    expect(parser.push(whole.subarray(cut))).toEqual(['{"t":"héllo €"}']);
    expect(parser.pendingBytes).toBe(4);
    expect(parser.push(bytes(`:1}${RECORD_SEPARATOR}`))).toEqual(['{"x":1}']);
  });

  it('rejects a complete record above the limit', () => {
    const parser = new TextMessageParser(8);
    expect(() => parser.push(bytes(`123456789${RECORD_SEPARATOR}`))).toThrow(ProtocolError);
  });

  it('rejects an unterminated remainder above the limit before buffering more', () => {
    const parser = new TextMessageParser(8);
    expect(parser.push(bytes('12345678'))).toEqual([]);
    expect(() => parser.push(bytes('9'))).toThrow(/maximum message size of 8B/);
  });

  it('accepts a record of exactly the limit and empty records', () => {
    const parser = new TextMessageParser(3);
    expect(parser.push(bytes(`abc${RECORD_SEPARATOR}${RECORD_SEPARATOR}`))).toEqual(['abc', '']);
  });

  it('rejects invalid UTF-8', () => {
    const parser = new TextMessageParser(64);
    expect(() => parser.push(Buffer.from([0xff, 0xfe, 0x1e]))).toThrow('Invalid UTF-8 in message.');
  });

  it('writeRecord appends the separator', () => {
    expect(writeRecord('{}')).toBe('{}\x1e');
  });
});
