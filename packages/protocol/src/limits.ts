/** Size limits shared by clients (to fail early) and the server (to enforce). */
export const Limits = {
  /** Username length, in characters. */
  usernameMin: 3,
  usernameMax: 32,
  /** Password length, in characters. */
  passwordMin: 8,
  passwordMax: 128,
  /** Guest display name length, in characters. */
  displayNameMax: 64,
  /** Session id length (ad-hoc room names are session ids). */
  sessionIdMax: 64,
  sessionNameMax: 100,
  sessionDescriptionMax: 500,
  /** Participants per session: default and hard maximum. */
  participantsDefault: 16,
  participantsMax: 50,
  /** One signal (SDP or candidate), serialised as JSON, in bytes. */
  signalMaxBytes: 32 * 1024,
  /** One chat message, in characters. */
  chatMessageMax: 4000,
  /** One hub message (a SignalR record), in bytes. */
  hubMessageMaxBytes: 64 * 1024,
  /** One REST request body, in bytes. */
  restBodyMaxBytes: 16 * 1024,
} as const;

/** Allowed characters of a session id / ad-hoc room name. */
export const SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Allowed characters of an account username. */
export const USERNAME_PATTERN = /^[A-Za-z0-9_.-]+$/;
