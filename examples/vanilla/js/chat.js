// The chat: `call.sendMessage(text)` to send, `snapshot.messages` (everyone's, yours included) to show.
// On a phone the panel is folded away behind the Chat button, which counts unread messages.
import { getLocale, translator } from './i18n.js';

const $ = (id) => document.getElementById(id);
const template = document.getElementById('message-template');
const WIDE_SCREEN = '(min-width: 900px)';

/** Wires the chat of `call` (until `signal` aborts); `onError` gets translated send failures. */
export function createChat(call, { signal, onError }) {
  const section = $('call');
  const log = $('chat-log');
  const input = $('chat-input');
  const toggle = $('toggle-chat');
  const unread = $('unread');
  const shown = new Set();
  let unreadCount = 0;

  function setOpen(open) {
    section.toggleAttribute('data-chat-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) unreadCount = 0;
    unread.hidden = unreadCount === 0;
    unread.textContent = String(unreadCount);
  }
  setOpen(matchMedia(WIDE_SCREEN).matches);
  toggle.addEventListener(
    'click',
    () => {
      const open = !section.hasAttribute('data-chat-open');
      setOpen(open);
      if (open) input.focus();
    },
    { signal },
  );

  $('chat-form').addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = '';
      call.sendMessage(text).catch((error) => {
        if (!input.value) input.value = text; // not lost: it can be sent again
        onError(translator.error('sendMessage', error));
      });
    },
    { signal },
  );

  function renderMessage(message, selfPeerId) {
    const li = template.content.firstElementChild.cloneNode(true);
    const time = li.querySelector('time');
    const sentAt = new Date(message.sentAt);
    li.dataset.id = message.id;
    if (message.fromPeerId === selfPeerId) li.dataset.self = 'true';
    li.querySelector('.message__author').textContent = message.username;
    time.dateTime = message.sentAt;
    time.textContent = new Intl.DateTimeFormat(getLocale(), { timeStyle: 'short' }).format(sentAt);
    li.querySelector('.message__text').textContent = message.text;
    return li;
  }

  return {
    render(snapshot) {
      const fresh = snapshot.messages.filter((message) => !shown.has(message.id));
      if (fresh.length === 0) return;
      const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
      for (const message of fresh) {
        shown.add(message.id);
        log.append(renderMessage(message, snapshot.self.peerId));
        if (message.fromPeerId !== snapshot.self.peerId && !section.hasAttribute('data-chat-open'))
          unreadCount += 1;
      }
      while (log.children.length > snapshot.messages.length) log.firstElementChild.remove();
      $('chat-empty').hidden = true;
      if (atBottom || fresh.some((m) => m.fromPeerId === snapshot.self.peerId))
        log.scrollTop = log.scrollHeight;
      setOpen(section.hasAttribute('data-chat-open'));
    },
    dispose() {
      log.replaceChildren();
      $('chat-empty').hidden = false;
      input.value = '';
    },
  };
}
