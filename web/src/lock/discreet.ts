import { useSyncExternalStore } from 'react';
import { browserLanguage, message } from '../i18n/index.tsx';

/*
 * Discreet mode (decision 019): the tab's title, its icon, the header and the manifest a new
 * home-screen icon is made from show a neutral name ("Notes" in her language) instead of the
 * app's. It is kept per device in localStorage, not in her account: it describes this phone (a
 * shared one, or one someone looks over), it must apply before anyone has signed in and on the
 * lock screen, when the server does not know who she is, and a phone of her own need not be
 * discreet. The flag says nothing about her beyond "discreet mode is on here".
 */
const KEY = 'le.discreet';
const NORMAL_ICON = '/favicon.svg';
const DISCREET_ICON = '/discreet/icon.svg';
const NORMAL_MANIFEST = '/manifest.webmanifest';
const discreetManifest = (language: string) => `/discreet/manifest-${language}.webmanifest`;

function read(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

let discreet = read();
const listeners = new Set<() => void>();

export const isDiscreet = () => discreet;

export function setDiscreet(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage refused: on for this visit only.
  }
  discreet = on;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab switched it: this one follows.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== KEY && event.key !== null) return;
    discreet = read();
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useDiscreet(): boolean {
  return useSyncExternalStore(subscribe, isDiscreet);
}

const NORMAL_THEME = '#7a1f4b';
const DISCREET_THEME = '#3b4a5a';

function setLink(rel: string, href: string): void {
  const link = document.head.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
  if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
}

/**
 * The tab's title is the app's name, or the neutral one, and never what the page shows: a
 * title such as "Period log" would stay in the tab list and the browser history.
 */
export function applyAppearance(opts: { discreet: boolean; name: string; language: string }): void {
  document.title = opts.name;
  setLink('icon', opts.discreet ? DISCREET_ICON : NORMAL_ICON);
  document.head
    .querySelector('meta[name="theme-color"]')
    ?.setAttribute('content', opts.discreet ? DISCREET_THEME : NORMAL_THEME);
  // A home-screen icon added now takes the name and icon of this manifest (one already added keeps its own).
  setLink('manifest', opts.discreet ? discreetManifest(opts.language) : NORMAL_MANIFEST);
}

// Before the first render: a discreet tab shows the app's name no longer than it takes to load.
if (discreet) {
  const language = browserLanguage();
  applyAppearance({ discreet, name: message(language, 'lock.discreet_name'), language });
}
