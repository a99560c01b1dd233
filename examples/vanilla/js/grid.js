// The video grid: one tile for you (mirrored camera, muted) and one per participant, in join order, with
// names, microphone and camera state, connection state, stats and quality; tiles go when people leave.
import { t } from './i18n.js';
import { renderQuality, renderStats } from './stats.js';

const { attachStream } = globalThis.SmaRTC;
const template = document.getElementById('tile-template');
const SELF = 'self';

const STATE_TEXTS = { connecting: 'peerConnecting', reconnecting: 'peerReconnecting', failed: 'peerFailed' };

function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

function setFlag(element, name, on) {
  if (on) element.dataset[name] = 'true';
  else delete element.dataset[name];
}

/** What a tile shows, for you or for a participant. */
function selfView(self) {
  return {
    key: SELF,
    name: t('you', { name: self.username }),
    initial: self.username,
    stream: self.stream,
    media: self.media,
    mirrored: !self.screenSharing,
    stateText: self.stream ? '' : t('listenOnly'),
    state: 'connected',
    stats: null,
    quality: null,
  };
}

function participantView(p) {
  return {
    key: p.peerId,
    name: p.username,
    initial: p.username,
    stream: p.stream,
    media: p.media,
    mirrored: false,
    stateText: STATE_TEXTS[p.connectionState] ? t(STATE_TEXTS[p.connectionState]) : '',
    state: p.connectionState,
    stats: p.stats,
    quality: p.quality,
  };
}

/** Builds and updates the tiles in `list`; remote streams play through `playback` (autoplay handling). */
export function createGrid(list, playback) {
  const tiles = new Map();

  function createTile(key) {
    const li = template.content.firstElementChild.cloneNode(true);
    const tile = {
      li,
      video: li.querySelector('video'),
      name: li.querySelector('.tile__name'),
      avatar: li.querySelector('.tile__avatar'),
      state: li.querySelector('.tile__state'),
      mic: li.querySelector('.tile__mic'),
      screen: li.querySelector('.tile__screen'),
      quality: li.querySelector('.quality'),
      stats: li.querySelector('.tile__stats'),
      stream: null,
    };
    li.dataset.peer = key;
    if (key === SELF) li.dataset.self = 'true';
    for (const dt of li.querySelectorAll('[data-i18n]')) dt.textContent = t(dt.dataset.i18n);
    tiles.set(key, tile);
    return tile;
  }

  function attach(tile, key, stream) {
    if (tile.stream === stream) return;
    tile.stream = stream;
    if (!stream) {
      if (key === SELF) tile.video.srcObject = null;
      else playback.detach(tile.video);
      return;
    }
    // A play() interrupted by a newer stream is not a failure; a blocked autoplay shows "Turn sound on".
    const playing =
      key === SELF ? attachStream(tile.video, stream, { muted: true }) : playback.attach(tile.video, stream);
    playing.catch(() => {});
  }

  function update(tile, view) {
    const { li } = tile;
    li.dataset.username = view.initial;
    li.dataset.state = view.state;
    setFlag(li, 'audioOff', !view.media.audio);
    setFlag(li, 'videoOff', !view.media.video || !view.stream);
    setFlag(li, 'screen', view.media.screen);
    tile.video.classList.toggle('tile__video--mirrored', view.mirrored);
    setText(tile.name, view.name);
    setText(tile.avatar, view.initial.charAt(0).toUpperCase());
    tile.state.hidden = view.stateText === '';
    setText(tile.state, view.stateText);
    tile.mic.hidden = view.media.audio || (view.key === SELF && !view.stream);
    tile.mic.setAttribute('aria-label', t('micOff'));
    tile.mic.title = t('micOff');
    tile.screen.hidden = !view.media.screen;
    setText(tile.screen, t('screenSharing'));
    renderQuality(tile.quality, view.quality);
    renderStats(tile.stats, view.stats);
    attach(tile, view.key, view.stream);
  }

  function remove(key, tile) {
    if (key === SELF) tile.video.srcObject = null;
    else playback.detach(tile.video);
    tile.li.remove();
    tiles.delete(key);
  }

  return {
    render(snapshot) {
      const views = [selfView(snapshot.self), ...snapshot.participants.map(participantView)];
      const keys = new Set(views.map((view) => view.key));
      for (const [key, tile] of tiles) if (!keys.has(key)) remove(key, tile);
      views.forEach((view, index) => {
        const tile = tiles.get(view.key) ?? createTile(view.key);
        if (list.children[index] !== tile.li) list.insertBefore(tile.li, list.children[index] ?? null);
        update(tile, view);
      });
      list.dataset.count = String(views.length);
    },
    dispose() {
      for (const [key, tile] of tiles) remove(key, tile);
      delete list.dataset.count;
    },
  };
}
