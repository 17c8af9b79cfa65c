/**
 * lz-string's decompressFromEncodedURIComponent with a limit on the size of what it produces.
 *
 * A link is short, but LZ78-style data can inflate quadratically: a 157,000-character link can expand
 * to two billion characters (3.4 GB) before anything can look at it. This is the same algorithm as
 * lz-string 1.5 (`_decompress`, by Pieroxy, WTFPL), written out so that it stops as soon as the output
 * passes `maxChars` (InflateLimitError); like lz-string, it returns null for data it cannot read.
 */

/** The data would inflate past the limit. */
export class InflateLimitError extends Error {
  override name = 'InflateLimitError';
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE: Record<string, number> = Object.fromEntries([...ALPHABET].map((c, i) => [c, i]));

export function decompressBounded(input: string, maxChars: number): string | null {
  if (input === '') return null;
  const text = input.replace(/ /g, '+');
  const length = text.length;
  const next = (i: number) => VALUE[text.charAt(i)] ?? 0;
  const reset = 32;
  let val = next(0);
  let position = reset;
  let index = 1;
  const readBits = (n: number): number => {
    let bits = 0;
    for (let power = 1, max = 2 ** n; power !== max; power <<= 1) {
      const b = val & position;
      position >>= 1;
      if (position === 0) {
        position = reset;
        val = next(index++);
      }
      bits |= (b > 0 ? 1 : 0) * power;
    }
    return bits;
  };

  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let dictSize = 4;
  let numBits = 3;
  const result: string[] = [];
  let total = 0;

  let c: string;
  switch (readBits(2)) {
    case 0:
      c = String.fromCharCode(readBits(8));
      break;
    case 1:
      c = String.fromCharCode(readBits(16));
      break;
    default:
      return '';
  }
  dictionary[3] = c;
  let w = c;
  result.push(c);
  total += 1;
  for (;;) {
    if (index > length) return '';
    let code = readBits(numBits);
    switch (code) {
      case 0:
        dictionary[dictSize++] = String.fromCharCode(readBits(8));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 1:
        dictionary[dictSize++] = String.fromCharCode(readBits(16));
        code = dictSize - 1;
        enlargeIn--;
        break;
      case 2:
        return result.join('');
    }
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
    let entry: string;
    if (dictionary[code]) entry = dictionary[code];
    else if (code === dictSize) entry = w + w.charAt(0);
    else return null;
    total += entry.length;
    if (total > maxChars) throw new InflateLimitError(`inflates to more than ${maxChars} characters`);
    result.push(entry);
    dictionary[dictSize++] = w + entry.charAt(0);
    enlargeIn--;
    w = entry;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
