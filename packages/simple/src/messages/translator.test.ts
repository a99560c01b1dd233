import { SmaRTCError } from '@smartc/core';
import { ErrorCode } from '@smartc/protocol';
import { describe, expect, it } from 'vitest';
import { SmaRTCSimpleError } from '../simpleError.js';
import { ENGLISH_MESSAGES, FRENCH_MESSAGES } from './catalogue.js';
import { codeDescription } from './codeDescriptions.js';
import { Translator } from './translator.js';

describe('Translator', () => {
  it('speaks French by default and keeps the code, status, retryability and cause', () => {
    const cause = new SmaRTCError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password.', { status: 401 });
    const error = new Translator().error('login', cause);
    expect(error).toBeInstanceOf(SmaRTCSimpleError);
    expect(error).toBeInstanceOf(SmaRTCError);
    expect(error.message).toBe('Identifiants incorrects');
    expect(error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
    expect(error.cause).toBe(cause);
    expect(error.operation).toBe('login');
    expect(error.messageId).toBe('invalidCredentials');
    expect(String(error)).toBe('SmaRTC: Identifiants incorrects');
  });

  it('speaks English on request and can switch at run time', () => {
    const translator = new Translator('en');
    const notFound = new SmaRTCError('SESSION_NOT_FOUND');
    expect(translator.error('joinCall', notFound).message).toBe('This call does not exist');
    translator.locale = 'fr';
    expect(translator.error('joinCall', notFound).message).toBe("Cet appel n'existe pas");
  });

  it('fills {detail} with the code described in the same language', () => {
    const error = new SmaRTCError('SERVER_ERROR', 'HTTP 500');
    expect(new Translator('fr').error('login', error).message).toBe('Erreur de connexion: erreur du serveur');
    expect(new Translator('en').error('login', error).message).toBe(
      'Sign-in failed: the server ran into an error',
    );
  });

  it('uses your texts where you give them, the built-in ones elsewhere', () => {
    const translator = new Translator('fr', {
      fr: { callNotFound: 'Appel {detail} : lien périmé ?' },
      en: { invalidCredentials: 'Nope' },
    });
    expect(translator.error('joinCall', new SmaRTCError('SESSION_NOT_FOUND')).message).toBe(
      "Appel cet appel n'existe pas : lien périmé ?",
    );
    expect(translator.error('login', new SmaRTCError('AUTH_INVALID_CREDENTIALS')).message).toBe(
      'Identifiants incorrects',
    );
    translator.locale = 'en';
    expect(translator.error('login', new SmaRTCError('AUTH_INVALID_CREDENTIALS')).message).toBe('Nope');
  });

  it('normalises browser media exceptions by name, and anything else as SERVER_ERROR with its cause', () => {
    const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    const media = new Translator().error('joinCall', denied);
    expect(media.code).toBe('MEDIA_PERMISSION_DENIED');
    expect(media.message).toBe('Accès à la caméra ou au micro refusé');
    const bug = new TypeError('x is undefined');
    const other = new Translator().error('startCall', bug);
    expect(other.code).toBe('SERVER_ERROR');
    expect(other.message).toBe("Impossible de créer l'appel");
    expect(other.cause).toBe(bug);
  });

  it('returns a SmaRTCSimpleError as it is (no double translation)', () => {
    const translator = new Translator();
    const once = translator.error('joinCall', new SmaRTCError('SESSION_NOT_FOUND'));
    expect(translator.error('startCall', once)).toBe(once);
  });

  it('has every message in both languages, and every code described in both', () => {
    expect(Object.keys(ENGLISH_MESSAGES).sort()).toEqual(Object.keys(FRENCH_MESSAGES).sort());
    for (const code of Object.values(ErrorCode)) {
      expect(codeDescription(code, 'fr')).toMatch(/^[a-zà-ÿ'’ ,.-]+$/i);
      expect(codeDescription(code, 'en')).not.toMatch(/\.$/);
    }
  });
});
