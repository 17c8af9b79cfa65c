import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { runTask } from '../../engine/index.ts';

/** A pool worker thread: the same replicate API the page's pool Workers offer, over comlink. */
Comlink.expose({ runTask }, nodeEndpoint(parentPort!));
