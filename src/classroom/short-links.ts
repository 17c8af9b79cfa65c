import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { ROOM_ALPHABET } from './protocol.ts';

/** Where a page asks for a short link (POST, the link's #hash as the body), and where short links live (GET /s/ID). */
export const SHORT_API = '/api/short';
export const SHORT_PATH = '/s/';
/** Characters of a short id: 31⁸ ≈ 8.5 × 10¹¹ ids, so two chapters of one class never meet by chance. */
export const SHORT_ID_LENGTH = 8;
/** The longest link kept (a trainer's chapter written out is about 1,100 characters; a large one a few thousand). */
export const MAX_LINK = 16_000;
/** Links a server keeps; past this the oldest is forgotten (a class uses a handful). */
const MAX_LINKS = 2_000;
/** Links one address may have kept: a device on the room's network cannot push the trainer's out by flooding. */
const PER_ADDRESS = 50;
/** The links a short id may stand for: the app's own chapter, story, run and comparison links, nothing else. */
const LINK = /^#(chapter|story|run|compare)=[\w\-.~%!$&'()*+,;=:@/?]*$/;

/**
 * The short id of a link: the first characters of its SHA-256 in the room codes' unambiguous alphabet.
 * The same link always gets the same id, so a printed QR code still works after the server restarts, as
 * soon as the trainer's page has asked for it again.
 */
export function shortId(link: string): string {
  const digest = sha256(utf8ToBytes(link));
  let id = '';
  for (let i = 0; id.length < SHORT_ID_LENGTH; i++) id += ROOM_ALPHABET[digest[i] % ROOM_ALPHABET.length];
  return id;
}

/** Why a link is not kept, or null when it may be. */
function linkProblem(link: string): string | null {
  if (link.length > MAX_LINK) return `the link is longer than ${MAX_LINK} characters`;
  if (!LINK.test(link)) return 'only the app’s own chapter, story, run and comparison links (#chapter=…) can be shortened';
  return null;
}

/**
 * A server's short links: id → link, in memory, the oldest forgotten past `cap`. An id, once given, keeps
 * its link (first come, first kept): someone who reads an id off the projector cannot point it elsewhere by
 * finding another link with the same id. Each address keeps at most `perAddress` links.
 */
export class ShortLinks {
  private readonly links = new Map<string, { link: string; by: string }>();
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly cap = MAX_LINKS,
    private readonly perAddress = PER_ADDRESS,
    /** How a link's id is made (a test gives one that collides on purpose). */
    private readonly idOf: (link: string) => string = shortId,
  ) {}

  /** Keeps a link for an address and returns its id; throws with the reason for a link that may not be kept. */
  add(link: string, address = ''): string {
    const problem = linkProblem(link);
    if (problem) throw new Error(problem);
    const id = this.idOf(link);
    const kept = this.links.get(id);
    if (kept) {
      if (kept.link !== link) throw new Error('that short id already stands for another link');
      return id;
    }
    const count = this.byAddress.get(address) ?? 0;
    if (count >= this.perAddress) throw new Error(`this device has made ${this.perAddress} short links, the most one may`);
    this.links.set(id, { link, by: address });
    this.byAddress.set(address, count + 1);
    if (this.links.size > this.cap) {
      const [oldest, { by }] = this.links.entries().next().value as [string, { link: string; by: string }];
      this.links.delete(oldest);
      this.byAddress.set(by, (this.byAddress.get(by) ?? 1) - 1);
    }
    return id;
  }

  get(id: string): string | undefined {
    return this.links.get(id.toUpperCase())?.link;
  }

  get size(): number {
    return this.links.size;
  }
}
