/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the offline service worker and calls `onReady` once a newer build of the app has been
 * installed beside the running one: `apply()` switches to it and reloads the page. Until then the
 * page keeps running on the files it was built with (the old service worker still serves them).
 * Where there is no service worker (plain http on a LAN address), nothing happens.
 */
export function watchForUpdates(onReady: (apply: () => Promise<void>) => void): void {
  if (!('serviceWorker' in navigator)) return;
  const apply = registerSW({ immediate: true, onNeedRefresh: () => onReady(apply) });
}
