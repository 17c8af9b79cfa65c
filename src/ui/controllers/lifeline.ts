/**
 * The page's half of a Worker's lifeline (the Worker's half, and why, is workers/lifeline.ts): a
 * promise that settles once the Worker holding `name` has ended. With Web Locks, the lock is granted
 * when the Worker's is freed; without them (plain http on a LAN address), an upgrade of the Worker's
 * IndexedDB database is granted when its connection closes, and the database is then deleted.
 */
export const LIFELINE_PREFIX = 'trustfall-lifeline-';

/** The kind of lifeline this page can watch (the Worker is told to hold that kind). */
export function lifelineKind(): 'lock' | 'database' {
  return 'locks' in navigator ? 'lock' : 'database';
}

export function lifelineEnded(name: string, held: Promise<void>): Promise<void> {
  // A lifeline that could not be taken or watched (storage blocked, a full disk) says nothing: the
  // Worker then goes unwatched, as before there were lifelines, rather than being taken for dead.
  const never = () => new Promise<void>(() => {});
  if (lifelineKind() === 'lock') return held.then(() => navigator.locks.request(name, () => undefined), never);
  if (!('indexedDB' in globalThis)) return never();
  return held.then(
    () =>
      new Promise<void>((ended) => {
        const request = indexedDB.open(name, 2);
        // Blocked while the Worker lives; granted the moment its connection closes.
        request.onsuccess = () => {
          request.result.close();
          forget(name);
          ended();
        };
      }),
    never,
  );
}

/** Deletes a lifeline's database; where storage refuses, it stays (an empty database, harmless). */
function forget(name: string): void {
  try {
    indexedDB.deleteDatabase(name);
  } catch {
    // Nothing to do: the next visit's sweep tries again.
  }
}

/**
 * Deletes the lifeline databases earlier visits left behind (a tab closed while its Workers lived).
 * One still held by another tab's living Worker is deleted only once that Worker ends.
 */
export async function sweepLifelines(): Promise<void> {
  if (lifelineKind() === 'lock' || !('indexedDB' in globalThis) || !indexedDB.databases) return;
  const known = await indexedDB.databases().catch(() => []);
  for (const { name } of known) if (name?.startsWith(LIFELINE_PREFIX)) forget(name);
}
