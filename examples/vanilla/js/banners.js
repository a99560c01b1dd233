// The two banners under the top bar: a notice (status: reconnecting, copied…) and an alert (errors).
// They hold messages, not texts, so they follow a language switch (see describe in i18n.js).
import { describe, onLocaleChange } from './i18n.js';

const notice = document.getElementById('notice');
const alertBox = document.getElementById('alert');
const alertText = document.getElementById('alert-text');

let noticeMessage = null;
let noticeTimer;
let alertMessage = null;

function render() {
  notice.hidden = noticeMessage === null;
  notice.textContent = noticeMessage ? describe(noticeMessage) : '';
  alertBox.hidden = alertMessage === null;
  alertText.textContent = alertMessage ? describe(alertMessage) : '';
}

/** Shows a notice; with `timeoutMs` it goes away by itself. */
export function showNotice(message, { timeoutMs } = {}) {
  clearTimeout(noticeTimer);
  noticeMessage = message;
  if (timeoutMs) noticeTimer = setTimeout(clearNotice, timeoutMs);
  render();
}

export function clearNotice() {
  clearTimeout(noticeTimer);
  noticeMessage = null;
  render();
}

/** Shows an error (an SDK error or `{ key }` of the app's texts) until dismissed or replaced. */
export function showAlert(message) {
  alertMessage = message;
  render();
}

export function clearAlert() {
  alertMessage = null;
  render();
}

document.getElementById('alert-close').addEventListener('click', clearAlert);
onLocaleChange(render);
