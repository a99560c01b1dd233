import { describe, expect, it } from 'vitest';
import { HandshakeError } from '../errors.js';
import { parseHandshakeRequest, writeHandshakeResponse } from './handshake.js';

describe('parseHandshakeRequest', () => {
  it.each([1, 2])('accepts json version %i', (version) => {
    expect(parseHandshakeRequest(JSON.stringify({ protocol: 'json', version }))).toEqual({
      protocol: 'json',
      version,
    });
  });

  it.each([
    ['{"protocol":"messagepack","version":1}', "The protocol 'messagepack' is not supported."],
    ['{"protocol":"json","version":3}', "The server does not support version 3 of the 'json' protocol."],
    ['{"version":1}', "Missing required property 'protocol'."],
    ['{"protocol":"json"}', "Missing required property 'version'."],
    ['{"protocol":1,"version":1}', "Expected 'protocol' to be of type String."],
    ['{"protocol":"json","version":"1"}', "Expected 'version' to be of type Integer."],
    ['GET / HTTP/1.1', 'Error parsing handshake request.'],
    ['[1,2]', 'Error parsing handshake request.'],
    ['null', 'Error parsing handshake request.'],
  ])('rejects %s', (text, message) => {
    expect(() => parseHandshakeRequest(text)).toThrow(HandshakeError);
    expect(() => parseHandshakeRequest(text)).toThrow(message);
  });
});

describe('writeHandshakeResponse', () => {
  it('writes success and error records in one string', () => {
    expect(writeHandshakeResponse()).toBe('{}\x1e');
    expect(writeHandshakeResponse('nope')).toBe('{"error":"nope"}\x1e');
  });
});
