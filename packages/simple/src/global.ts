// The script-tag build: everything public of the SDK on one global, `SmaRTC` (see tsup.config.ts).
export * from '@smartc/core';
// Both export a type named CallOptions (REST request options / Call options); on the global, the Call's.
export type { CallOptions } from '@smartc/mesh';
export * from '@smartc/mesh';
export { ErrorCode, HUB_PATH, isErrorCode, Limits } from '@smartc/protocol';
export * from './index.js';
