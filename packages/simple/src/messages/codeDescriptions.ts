import { defaultMessage } from '@smartc/core';
import type { ErrorCode } from '@smartc/protocol';
import type { SimpleLocale } from './catalogue.js';

/** One line per error code, in French: what `{detail}` says in French messages. */
const FRENCH_DESCRIPTIONS: Readonly<Record<ErrorCode, string>> = {
  AUTH_INVALID_CREDENTIALS: 'identifiants incorrects',
  AUTH_USERNAME_TAKEN: "ce nom d'utilisateur existe déjà",
  AUTH_REQUIRED: 'connexion requise',
  AUTH_TOKEN_INVALID: 'connexion invalide',
  AUTH_TOKEN_EXPIRED: 'connexion expirée',
  FORBIDDEN: 'action non autorisée',
  SESSION_NOT_FOUND: "cet appel n'existe pas",
  SESSION_FULL: 'cet appel est complet',
  VALIDATION_FAILED: 'données invalides',
  NOT_FOUND: 'introuvable',
  PAYLOAD_TOO_LARGE: 'requête trop volumineuse',
  RATE_LIMITED: 'trop de tentatives',
  SERVER_ERROR: 'erreur du serveur',
  NETWORK_UNREACHABLE: 'serveur injoignable',
  TIMEOUT: 'le serveur met trop de temps à répondre',
  ABORTED: 'opération annulée',
  SIGNALING_NOT_JOINED: 'aucun appel en cours',
  SIGNALING_PEER_NOT_FOUND: "ce participant n'est pas dans l'appel",
  SIGNALING_PAYLOAD_TOO_LARGE: 'message trop volumineux',
  SIGNALING_RESUME_REJECTED: "l'appel n'a pas pu reprendre",
  SIGNALING_GUESTS_DISABLED: "ce serveur n'accepte pas les invités",
  SIGNALING_DISCONNECTED: 'connexion au serveur perdue',
  SIGNALING_CONNECTION_FAILED: 'connexion au serveur de signalisation impossible',
  SIGNALING_RECONNECT_FAILED: 'reconnexion au serveur impossible',
  PEER_CONNECTION_FAILED: 'connexion avec un participant impossible',
  MEDIA_PERMISSION_DENIED: 'accès à la caméra ou au micro refusé',
  MEDIA_DEVICE_IN_USE: 'caméra ou micro déjà utilisé',
  MEDIA_DEVICE_NOT_FOUND: 'aucune caméra ni aucun micro',
  MEDIA_CONSTRAINTS_UNSATISFIABLE: 'réglages de la caméra ou du micro impossibles',
  MEDIA_UNSUPPORTED: 'capture de la caméra ou du micro non prise en charge',
};

/** A short description of `code` in `locale`: what `{detail}` becomes in a message. */
export function codeDescription(code: ErrorCode, locale: SimpleLocale): string {
  if (locale === 'fr') return FRENCH_DESCRIPTIONS[code];
  const text = defaultMessage(code);
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
