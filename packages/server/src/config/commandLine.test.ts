import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './commandLine.js';
import { ConfigError, resolveConfig } from './serverConfig.js';

const SECRET = 's'.repeat(32);

describe('parseCommandLine + resolveConfig', () => {
  it('applies defaults', () => {
    const cl = parseCommandLine([], { SMARTC_JWT_SECRET: SECRET });
    expect(cl.help).toBe(false);
    if (cl.help) return;
    const config = resolveConfig(cl.options);
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dbPath: './.smartc/smartc.db',
      dev: false,
      demo: false,
      allowGuests: false,
      adhocRooms: false,
      cors: { origins: [], anyOrigin: false, localhost: false },
      jwtTtlSeconds: 43_200,
      resumeGraceMs: 15_000,
      maxParticipants: 16,
      ice: {
        stunUrls: ['stun:stun.l.google.com:19302'],
        turnUrls: [],
        turnSecret: undefined,
        turnTtlSeconds: 86_400,
      },
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('lets flags win over environment, and reads every variable', () => {
    const cl = parseCommandLine(
      ['--port', '9000', '--cors-origin', 'https://a.example,https://b.example', '--demo'],
      {
        PORT: '1',
        SMARTC_PORT: '2',
        SMARTC_JWT_SECRET: SECRET,
        SMARTC_STUN_URLS: 'stun:one:3478, stun:two:3478',
        SMARTC_TURN_URLS: 'turn:t:3478',
        SMARTC_TURN_SECRET: 'shh',
        SMARTC_TURN_TTL: '600',
        SMARTC_MAX_PARTICIPANTS: '8',
        SMARTC_RESUME_GRACE_MS: '5000',
        SMARTC_CORS_ORIGINS: 'https://ignored.example',
        SMARTC_LOGIN_RATE_LIMIT: '5',
      },
    );
    if (cl.help) throw new Error('unexpected help');
    const config = resolveConfig(cl.options);
    expect(config).toMatchObject({
      port: 9000,
      demo: true,
      dev: true,
      allowGuests: true,
      adhocRooms: true,
      cors: { origins: ['https://a.example', 'https://b.example'], localhost: true },
      maxParticipants: 8,
      resumeGraceMs: 5000,
      ice: {
        stunUrls: ['stun:one:3478', 'stun:two:3478'],
        turnUrls: ['turn:t:3478'],
        turnSecret: 'shh',
        turnTtlSeconds: 600,
      },
    });
    expect(config.rateLimits ? config.rateLimits.loginPerIp : undefined).toEqual({
      points: 5,
      durationSeconds: 60,
    });
    const fromEnv = parseCommandLine([], { SMARTC_PORT: '7000', PORT: '1', SMARTC_RATE_LIMITS: 'off' });
    if (fromEnv.help) throw new Error('unexpected help');
    expect(fromEnv.options.port).toBe(7000);
    expect(fromEnv.options.rateLimits).toBe(false);
  });

  it('explains what is wrong', () => {
    expect(() => resolveConfig({})).toThrow(/SMARTC_JWT_SECRET is required/);
    expect(() => resolveConfig({ jwtSecret: 'short' })).toThrow(/at least 32 characters/);
    expect(() => resolveConfig({ dev: true })).not.toThrow();
    expect(() => resolveConfig({ dev: true, port: 70_000 })).toThrow(ConfigError);
    expect(() => resolveConfig({ dev: true, corsOrigins: ['not a url'] })).toThrow(/CORS origin/);
    expect(() => resolveConfig({ dev: true, stunUrls: ['http://x'] })).toThrow(/STUN/);
    expect(() => parseCommandLine(['--port', 'abc'], {})).toThrow(/--port must be a whole number/);
    expect(() => parseCommandLine(['--nope'], {})).toThrow(ConfigError);
    expect(parseCommandLine(['-h'], {})).toEqual({ help: true });
  });
});
