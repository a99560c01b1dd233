export * from './call/index.js';
export * from './client/index.js';
export * from './media/index.js';
export * from './peers/index.js';
export * from './quality/index.js';
export * from './stats/index.js';
export * from './webrtc/index.js';
