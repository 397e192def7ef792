/**
 * A Bloom filter of one hash over match keys: "may this key be in the set?". A hot loop asks it
 * before a Map lookup, which hashes the key and compares strings; most tokens' keys start no
 * lexicon form, and a clear bit rejects them for a few multiplications. A set bit says nothing
 * for certain (the Map decides), so a filter never changes what is found.
 */

/** Bits of a filter: at 32,768 bits, the 5,000 first keys of the actor forms set one in seven. */
const BITS = 1 << 15;

/** The filter bit of a key: an FNV-1a hash of its UTF-16 units, folded. */
function bitOf(k: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) & (BITS - 1);
}

export class KeyFilter {
  private readonly words = new Uint32Array(BITS >>> 5);

  add(key: string): void {
    const bit = bitOf(key);
    this.words[bit >>> 5] = (this.words[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }

  /** false: `key` was never added; true: it may have been. */
  mayHave(key: string): boolean {
    const bit = bitOf(key);
    return ((this.words[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
  }
}
