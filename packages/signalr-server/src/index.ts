export type { InvokeClientOptions } from './connection/clientResults.js';
export { HubError } from './errors.js';
export { InProcessLifetimeManager } from './lifetime/inProcessLifetimeManager.js';
export { DEFAULT_HUB_OPTIONS } from './options.js';
export { SignalRHub } from './signalRHub.js';
export * from './types.js';
