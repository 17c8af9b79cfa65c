import { CLASS_SOCKET_PATH, type ServerMessage } from '../../classroom/protocol.ts';

export type SocketStatus = 'connecting' | 'open' | 'closed';

/**
 * One WebSocket to the classroom server that comes back by itself: after a dropped Wi-Fi or a locked
 * phone it reconnects (waiting a little longer each time, at most a few seconds, and at once when the
 * page is shown again or the network returns) and says hello again, so the server gives back where the
 * class is. (A restarted server is another class, with a new code: it refuses the old one.)
 */
export class ClassSocket extends EventTarget {
  status: SocketStatus = 'connecting';
  private ws?: WebSocket;
  private retry = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private stopped = false;

  constructor(
    private readonly hello: () => Record<string, unknown>,
    private readonly onMessage: (m: ServerMessage) => void,
  ) {
    super();
    addEventListener('online', this.now);
    document.addEventListener('visibilitychange', this.now);
    this.connect();
  }

  send(m: Record<string, unknown>): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    removeEventListener('online', this.now);
    document.removeEventListener('visibilitychange', this.now);
    this.ws?.close();
  }

  private setStatus(s: SocketStatus): void {
    this.status = s;
    this.dispatchEvent(new Event('status'));
  }

  private connect(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${CLASS_SOCKET_PATH}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    this.setStatus('connecting');
    ws.onopen = () => {
      this.retry = 0;
      ws.send(JSON.stringify(this.hello()));
      this.setStatus('open');
    };
    ws.onmessage = (e) => {
      try {
        this.onMessage(JSON.parse(String(e.data)) as ServerMessage);
      } catch {
        // Not the server's JSON: nothing to show.
      }
    };
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.setStatus('closed');
      if (this.stopped) return;
      this.retry++;
      this.timer = setTimeout(() => this.connect(), Math.min(5000, 250 * 2 ** this.retry));
    };
  }

  /** Page shown again or network back: try at once instead of waiting out the back-off. */
  private now = () => {
    if (document.visibilityState === 'visible' && this.status === 'closed') this.connect();
  };
}
