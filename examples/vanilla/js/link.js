// Call links: `<origin>/?call=<id>`.

const CALL_PARAM = 'call';
/** What the server accepts as a call id (ad-hoc rooms included). */
const CALL_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** The link that opens call `callId` in this app. */
export function callLink(callId) {
  const url = new URL('/', location.origin);
  url.searchParams.set(CALL_PARAM, callId);
  return url.href;
}

/** The call id of a pasted link or a bare id, or null when it is neither. */
export function parseCallId(text) {
  const value = text.trim();
  let id = value;
  if (/^https?:\/\//i.test(value)) {
    try {
      id = new URL(value).searchParams.get(CALL_PARAM) ?? '';
    } catch {
      return null;
    }
  }
  return CALL_ID.test(id) ? id : null;
}

/** The call id of the page's own address (`?call=`), or null. */
export function callIdFromLocation() {
  const id = new URL(location.href).searchParams.get(CALL_PARAM);
  return id === null ? null : parseCallId(id);
}

/** Puts `callId` in the address bar (or removes it), without reloading. */
export function setLocationCall(callId) {
  const url = new URL(location.href);
  if (callId) url.searchParams.set(CALL_PARAM, callId);
  else url.searchParams.delete(CALL_PARAM);
  history.replaceState(null, '', url);
}
