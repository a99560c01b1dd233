import { ErrorCode, Limits } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { SignalingError } from './errors.js';
import {
  isPlainObject,
  parseChatText,
  parseDisplayName,
  parseJoinOptions,
  parseMediaState,
  parseOptionalSessionId,
  parsePeerId,
  parseSessionId,
  parseSignal,
} from './validation.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SignalingError);
    return (error as SignalingError).code;
  }
  return undefined;
}

describe('parseSessionId', () => {
  it('accepts ids matching the pattern', () => {
    expect(parseSessionId('demo-room')).toBe('demo-room');
    expect(parseSessionId('A1_b.c-d')).toBe('A1_b.c-d');
    expect(parseSessionId('x'.repeat(Limits.sessionIdMax))).toHaveLength(Limits.sessionIdMax);
  });

  it.each([
    [''],
    ['-leading'],
    ['has space'],
    ['a/b'],
    ['x'.repeat(Limits.sessionIdMax + 1)],
    [42],
    [null],
    [{}],
  ])('rejects %j', (value) => {
    expect(codeOf(() => parseSessionId(value))).toBe(ErrorCode.VALIDATION_FAILED);
  });
});

describe('parseDisplayName', () => {
  it('trims and requires a name for guests', () => {
    expect(parseDisplayName('  Alice ', true)).toBe('Alice');
    expect(codeOf(() => parseDisplayName('   ', true))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parseDisplayName(undefined, true))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('lets authenticated users omit it', () => {
    expect(parseDisplayName(undefined, false)).toBe('');
    expect(parseDisplayName('', false)).toBe('');
  });

  it('rejects long names, control characters and non-strings', () => {
    expect(parseDisplayName('x'.repeat(Limits.displayNameMax), true)).toHaveLength(Limits.displayNameMax);
    expect(codeOf(() => parseDisplayName('x'.repeat(Limits.displayNameMax + 1), true))).toBe(
      ErrorCode.VALIDATION_FAILED,
    );
    expect(codeOf(() => parseDisplayName('a\u0000b', true))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parseDisplayName(7, false))).toBe(ErrorCode.VALIDATION_FAILED);
  });
});

describe('parseJoinOptions', () => {
  it('accepts nothing, a resume token and media', () => {
    expect(parseJoinOptions(undefined)).toEqual({});
    expect(parseJoinOptions(null)).toEqual({});
    expect(parseJoinOptions({ resumeToken: 'abc', media: { audio: true } })).toEqual({
      resumeToken: 'abc',
      media: { audio: true },
    });
  });

  it.each([
    ['str'],
    [[1]],
    [{ resumeToken: 5 }],
    [{ resumeToken: '' }],
    [{ media: { video: 'yes' } }],
    [{ media: [] }],
  ])('rejects %j', (value) => {
    expect(codeOf(() => parseJoinOptions(value))).toBe(ErrorCode.VALIDATION_FAILED);
  });
});

describe('parseMediaState', () => {
  it('keeps known boolean keys only', () => {
    expect(parseMediaState({ audio: false, screen: true, extra: 1 })).toEqual({ audio: false, screen: true });
  });

  it('rejects non-booleans and non-objects', () => {
    expect(codeOf(() => parseMediaState({ audio: 1 }))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parseMediaState(true))).toBe(ErrorCode.VALIDATION_FAILED);
  });
});

describe('parseSignal', () => {
  it('accepts strings and plain objects and reports their size', () => {
    expect(parseSignal('{"type":"offer"}').bytes).toBe(16);
    const signal = { type: 'offer', sdp: 'v=0' };
    expect(parseSignal(signal)).toEqual({ signal, bytes: JSON.stringify(signal).length });
  });

  it.each([[null], [undefined], [[1, 2]], [3], [true], ['']])('rejects %j as invalid', (value) => {
    expect(codeOf(() => parseSignal(value))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('rejects signals above the limit, counting UTF-8 bytes', () => {
    const limit = Limits.signalMaxBytes;
    expect(parseSignal('x'.repeat(limit)).bytes).toBe(limit);
    expect(codeOf(() => parseSignal('x'.repeat(limit + 1)))).toBe(ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE);
    expect(codeOf(() => parseSignal('é'.repeat(limit / 2 + 1)))).toBe(ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE);
    expect(codeOf(() => parseSignal({ sdp: 'x'.repeat(limit) }))).toBe(ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE);
  });

  it('never echoes the signal in its error message', () => {
    try {
      parseSignal({ sdp: `secret-sdp${'x'.repeat(Limits.signalMaxBytes)}` });
    } catch (error) {
      expect((error as Error).message).not.toContain('secret-sdp');
    }
  });
});

describe('other arguments', () => {
  it('validates peer ids', () => {
    expect(parsePeerId('p_abc')).toBe('p_abc');
    expect(codeOf(() => parsePeerId(''))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parsePeerId({}))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parsePeerId('x'.repeat(65)))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('validates chat text', () => {
    expect(parseChatText(' hi ')).toBe(' hi ');
    expect(codeOf(() => parseChatText('  '))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parseChatText(1))).toBe(ErrorCode.VALIDATION_FAILED);
    expect(codeOf(() => parseChatText('x'.repeat(Limits.chatMessageMax + 1)))).toBe(
      ErrorCode.SIGNALING_PAYLOAD_TOO_LARGE,
    );
  });

  it('validates the optional LeaveSession argument', () => {
    expect(parseOptionalSessionId(undefined)).toBeUndefined();
    expect(parseOptionalSessionId('room')).toBe('room');
    expect(codeOf(() => parseOptionalSessionId(5))).toBe(ErrorCode.VALIDATION_FAILED);
  });

  it('recognises plain objects only', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject([])).toBe(false);
    expect(isPlainObject(new Date())).toBe(false);
  });
});
