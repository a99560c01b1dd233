export type { CallProblem, SimpleParticipant, SimpleRemoteStream } from './callWatcher.js';
export {
  ENGLISH_MESSAGES,
  FRENCH_MESSAGES,
  messagesFor,
  type SimpleLocale,
  type SimpleMessageId,
  type SimpleMessages,
} from './messages/catalogue.js';
export { codeDescription } from './messages/codeDescriptions.js';
export { messageIdFor } from './messages/messageIdFor.js';
export { type SimpleMessageOverrides, Translator } from './messages/translator.js';
export { type SimpleOperation, SmaRTCSimpleError, type SmaRTCSimpleErrorOptions } from './simpleError.js';
export {
  type SimpleCallOptions,
  SmaRTCSimple,
  type SmaRTCSimpleEvents,
  type SmaRTCSimpleOptions,
} from './smartcSimple.js';
