// French by default, English on request (persisted). The app's texts come from texts.js; SDK errors are
// translated by the SDK's own catalogue (SmaRTC.Translator), so the two always speak the same language.
import { TEXTS } from './texts.js';

const { SmaRTCSimpleError, Translator } = globalThis.SmaRTC;

const STORAGE_KEY = 'smartc.demo.locale';
const LOCALES = ['fr', 'en'];
const listeners = new Set();

function storedLocale() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return LOCALES.includes(value) ? value : 'fr';
  } catch {
    return 'fr'; // storage blocked (privacy mode): French, not persisted
  }
}

let locale = storedLocale();

/** Turns SDK errors into catalogue messages in the current language. */
export const translator = new Translator(locale);

export function getLocale() {
  return locale;
}

/** Switches the language of the whole page (and of SDK errors), remembers it and tells the listeners. */
export function setLocale(next) {
  if (!LOCALES.includes(next) || next === locale) return;
  locale = next;
  translator.locale = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // not persisted; the page still switches
  }
  translateDocument();
  for (const listener of listeners) listener(next);
}

/** Calls `listener(locale)` after each switch; returns the unsubscribe function. */
export function onLocaleChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The app text `key` in the current language, `{name}` placeholders filled from `params`. */
export function t(key, params = {}) {
  const text = TEXTS[locale][key] ?? TEXTS.fr[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

/** Applies the current language to `data-i18n` (text), `data-i18n-placeholder` and `data-i18n-aria-label`. */
export function translateDocument(root = document) {
  document.documentElement.lang = locale;
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]'))
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
}

/**
 * A message of the app as text in the current language: an SDK error (translated again from its code, so a
 * message on screen follows a language switch) or an app text `{ key, params }`.
 */
export function describe(message) {
  if (message instanceof SmaRTCSimpleError)
    return translator.error(message.operation, message.cause, message.messageId).message;
  return t(message.key, message.params);
}
