/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the offline service worker and calls `onReady` once a newer build of the app has been
 * installed beside the running one: `apply()` switches to it and reloads this page. Until then the
 * page keeps running on the files it was built with (the old service worker still serves them). When
 * another tab applies the update, this page is not reloaded under the user's feet (a comparison or a
 * calibration may be running): `onElsewhere` says so, and the user reloads when ready. Where there is
 * no service worker (plain http on a LAN address), nothing happens.
 */
export function watchForUpdates(onReady: (apply: () => Promise<void>) => void, onElsewhere: () => void): void {
  if (!('serviceWorker' in navigator)) return;
  let asked = false;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => onReady(apply),
    onNeedReload: () => (asked ? location.reload() : onElsewhere()),
  });
  const apply = async () => {
    asked = true;
    await update();
  };
}
