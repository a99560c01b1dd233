import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { parseHubMessage, writeMessage } from './jsonHubProtocol.js';
import { MessageType } from './messageType.js';

describe('parseHubMessage', () => {
  it('parses an invocation as the JS client writes it', () => {
    expect(parseHubMessage('{"target":"Echo","arguments":["hi"],"invocationId":"0","type":1}')).toEqual({
      type: MessageType.Invocation,
      invocationId: '0',
      target: 'Echo',
      arguments: ['hi'],
      streamIds: undefined,
      headers: undefined,
    });
  });

  it('parses non-blocking invocations, stream invocations with streamIds, items, completions, cancel, ping, close', () => {
    expect(parseHubMessage('{"target":"Send","arguments":[],"type":1}')).toMatchObject({
      invocationId: undefined,
    });
    expect(
      parseHubMessage('{"target":"S","arguments":[],"invocationId":"1","streamIds":["0"],"type":4}'),
    ).toMatchObject({ type: MessageType.StreamInvocation, streamIds: ['0'] });
    expect(parseHubMessage('{"invocationId":"0","item":null,"type":2}')).toEqual({
      type: MessageType.StreamItem,
      invocationId: '0',
      item: null,
    });
    expect(parseHubMessage('{"invocationId":"0","type":3}')).toEqual({
      type: MessageType.Completion,
      invocationId: '0',
    });
    expect(parseHubMessage('{"invocationId":"0","error":"x","type":3}')).toMatchObject({ error: 'x' });
    expect(parseHubMessage('{"invocationId":"0","result":0,"type":3}')).toMatchObject({ result: 0 });
    expect(parseHubMessage('{"invocationId":"4","type":5}')).toMatchObject({
      type: MessageType.CancelInvocation,
    });
    expect(parseHubMessage('{"type":6}')).toEqual({ type: MessageType.Ping });
    expect(parseHubMessage('{"type":7}')).toEqual({
      type: MessageType.Close,
      error: undefined,
      allowReconnect: false,
    });
    expect(parseHubMessage('{"type":8,"sequenceId":3}')).toEqual({ type: MessageType.Ack, sequenceId: 3 });
  });

  it('ignores unknown message types (forward compatible)', () => {
    expect(parseHubMessage('{"type":99,"whatever":true}')).toBeUndefined();
  });

  it.each([
    ['{"type":1,"arguments":[]', 'Error reading JSON.'],
    ['"text"', 'Expected a JSON Object.'],
    ['{}', "Missing required property 'type'."],
    ['{"type":"1"}', "Expected 'type' to be of type Integer."],
    ['{"type":1,"arguments":[]}', "Missing required property 'target'."],
    ['{"type":1,"target":"","arguments":[]}', "Expected 'target' to be a non-empty String."],
    ['{"type":1,"target":"A"}', "Missing required property 'arguments'."],
    ['{"type":1,"target":"A","arguments":{}}', "Expected 'arguments' to be of type Array."],
    [
      '{"type":1,"target":"A","arguments":[],"invocationId":5}',
      "Expected 'invocationId' to be of type String.",
    ],
    [
      '{"type":1,"target":"A","arguments":[],"streamIds":[1]}',
      "Expected 'streamIds' to be an array of String.",
    ],
    ['{"type":4,"target":"A","arguments":[]}', "Missing required property 'invocationId'."],
    ['{"type":2,"invocationId":"1"}', "Missing required property 'item'."],
    ['{"type":3,"invocationId":"1","result":1,"error":"x"}', 'mutually exclusive'],
    ['{"type":8}', "Missing required property 'sequenceId'."],
  ])('rejects %s', (text, message) => {
    expect(() => parseHubMessage(text)).toThrow(ProtocolError);
    expect(() => parseHubMessage(text)).toThrow(message);
  });
});

describe('writeMessage', () => {
  it('writes records with separators', () => {
    expect(writeMessage.result('0', undefined)).toBe('{"type":3,"invocationId":"0","result":null}\x1e');
    expect(writeMessage.result('0', 0)).toBe('{"type":3,"invocationId":"0","result":0}\x1e');
    expect(writeMessage.empty('1')).toBe('{"type":3,"invocationId":"1"}\x1e');
    expect(writeMessage.error('1', 'bad')).toBe('{"type":3,"invocationId":"1","error":"bad"}\x1e');
    expect(writeMessage.streamItem('1', 'a')).toBe('{"type":2,"invocationId":"1","item":"a"}\x1e');
    expect(writeMessage.invocation('message', ['x'])).toBe(
      '{"type":1,"target":"message","arguments":["x"]}\x1e',
    );
    expect(writeMessage.ping()).toBe('{"type":6}\x1e');
    expect(writeMessage.close()).toBe('{"type":7}\x1e');
    expect(writeMessage.close('err', true)).toBe('{"type":7,"error":"err","allowReconnect":true}\x1e');
  });

  it('throws on values JSON cannot encode', () => {
    expect(() => writeMessage.result('0', 1n)).toThrow();
  });
});
