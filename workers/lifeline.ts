/// <reference lib="webworker" />

/**
 * The Worker's half of a lifeline: something the Worker holds for as long as it lives and that the
 * browser lets go of when it ends for whatever reason (terminated, closed, crashed), which is how the
 * page learns that a Worker died: a dead Worker otherwise never answers and never says so. The page's
 * half is src/ui/controllers/lifeline.ts.
 *
 * Where there are Web Locks (a secure context) it is a lock. Over plain http on a classroom network
 * there are none, and it is an open IndexedDB connection instead: the page asks to upgrade the
 * database, which the browser grants only once every other connection, this one, has closed.
 */
const held: IDBDatabase[] = [];

/** A Web Lock, or an IndexedDB connection: the page chooses, by what it has itself. */
export type LifelineKind = 'lock' | 'database';

/** Takes the lifeline `name` of the kind the page watches and holds it until this Worker ends; resolves once it is held. */
export function holdLifeline(name: string, kind: LifelineKind): Promise<void> {
  if (kind === 'lock') {
    return new Promise<void>((resolve) => {
      navigator.locks.request(name, () => {
        resolve();
        return new Promise<never>(() => {});
      });
    });
  }
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onsuccess = () => {
      const db = request.result;
      // The page's upgrade asks this connection to close; it stays open, which is the point.
      db.onversionchange = () => undefined;
      held.push(db);
      resolve();
    };
    request.onerror = () => reject(request.error ?? new Error(`the lifeline ${name} could not be opened`));
  });
}
