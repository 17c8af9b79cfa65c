// comlink ships this adapter's types as node-adapter.d.ts, which TypeScript does not pair with the .mjs.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  export interface NodeEndpoint {
    // biome-ignore lint/suspicious/noExplicitAny: the shapes of Node's Worker and MessagePort, as comlink declares them
    postMessage(message: any, transfer?: any[]): void;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    on(type: string, listener: (...args: any[]) => void, options?: object): void;
    // biome-ignore lint/suspicious/noExplicitAny: as above
    off(type: string, listener: (...args: any[]) => void, options?: object): void;
    start?: () => void;
  }
  export default function nodeEndpoint(nep: NodeEndpoint): Endpoint;
}
