/**
 * The classroom server's limits: a lesson's worth of phones with room to spare, and a misbehaving or
 * hostile client refused and counted rather than let slow the room down.
 */
export const LIMITS = {
  /** Students' sockets at once (a class of 60, each with a spare tab, and a workshop of 200). */
  clients: 300,
  /** Sockets kept beyond the students' for the trainer's pages, so a full room never locks the trainer out. */
  trainerSlots: 5,
  /** A socket that has not said which class it joins within this time is closed (ms). */
  helloMs: 10_000,
  /** Every this often each socket is pinged; one that has not answered the last ping is closed (a phone gone from the Wi-Fi). */
  heartbeatMs: 30_000,
  /** A socket's burst of messages, then its steady rate (per second): a student changing their mind is far below it. */
  burst: 20,
  perSecond: 5,
  /** Refused messages a socket may send before it is closed. */
  refusalsBeforeClose: 50,
  /** Wrong room codes or keys a socket may try before it is closed (guessing needs new sockets, each counted). */
  wrongHellos: 3,
  /** Hard ceiling on a frame (bytes): larger frames close the socket; anything over the message limit is refused first. */
  maxFrame: 64 * 1024,
} as const;

/** A token bucket: `take()` is false when the socket is over its rate. */
export class Bucket {
  private tokens: number = LIMITS.burst;
  private last: number;

  constructor(private readonly now: () => number) {
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(LIMITS.burst, this.tokens + ((t - this.last) / 1000) * LIMITS.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
