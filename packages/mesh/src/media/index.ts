export { type GetLocalMediaOptions, getLocalMedia, type MediaDevicesLike } from './getLocalMedia.js';
export { MEDIA_ERROR_NAMES, normalizeMediaError } from './normalizeMediaError.js';
