import { parentPort } from 'node:worker_threads';
import { runTask, type ReplicateTask } from '../../engine/index.ts';

/** A pool worker: runs each replicate it is sent and posts the result back with the task's id. */
parentPort!.on('message', (msg: { id: number; task: ReplicateTask }) => {
  try {
    parentPort!.postMessage({ id: msg.id, result: runTask(msg.task) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error).stack ?? String(e) });
  }
});
