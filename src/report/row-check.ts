import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A row's check in a shard file: 16 hex digits of SHA-256 over the row's fields serialised as the file holds
 * them (JSON, at the precision written), bound to what the row belongs to (its sweep, analysis or
 * generation). `merge` recomputes it, so a value edited by hand, a run renumbered or a row from another
 * analysis is caught. A checksum against accidents, not a signature: whoever edits a row can recompute it.
 */
export function rowCheck(serialised: string): string {
  return bytesToHex(sha256(utf8ToBytes(serialised))).slice(0, 16);
}
