/**
 * A trie over word keys: each lexicon form is a path of match keys, and a
 * lookup walks the document's tokens, trying each token's alternative keys
 * (stem, word without proclitics, whole word), and returns the longest match.
 */

import { KeyFilter } from "./key-filter.js";

interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

export interface TrieMatch<T> {
  /** Number of tokens matched. */
  length: number;
  values: T[];
}

export class TokenTrie<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };
  /** The root's keys, to reject a token that starts nothing without a lookup in its map. */
  private readonly firstKeys = new KeyFilter();
  size = 0;

  add(keys: string[], value: T): void {
    if (keys.length === 0) return;
    this.firstKeys.add(keys[0]!);
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    node.values.push(value);
    this.size++;
  }

  /** Values stored at exactly this key path. */
  get(keys: string[]): T[] {
    let node: Node<T> | undefined = this.root;
    for (const k of keys) {
      node = node.next.get(k);
      if (!node) return [];
    }
    return node.values;
  }

  /** The keys entries start with. */
  firstWords(): IterableIterator<string> {
    return this.root.next.keys();
  }

  /** Is there a one-word entry with this key? (`get([key])` without building an array, for hot loops.) */
  get1(key: string): boolean {
    return this.firstKeys.mayHave(key) && (this.root.next.get(key)?.values.length ?? 0) > 0;
  }

  /** Longest match starting at token `i`; `alternatives(j)` gives the keys token j may match as. */
  longest(i: number, count: number, alternatives: (j: number) => readonly string[]): TrieMatch<T> | null {
    if (i >= count) return null;
    // fast path: most tokens start nothing (no allocation until a first key matches)
    let first: Node<T> | undefined;
    let firstMany: Array<Node<T>> | null = null;
    for (const k of alternatives(i)) {
      if (!this.firstKeys.mayHave(k)) continue;
      const child = this.root.next.get(k);
      if (!child) continue;
      if (!first) first = child;
      else if (child !== first) {
        firstMany ??= [first];
        firstMany.push(child);
      }
    }
    if (!first) return null;
    let frontier: Array<Node<T>> = firstMany ?? [first];
    let best: TrieMatch<T> | null = null;
    for (let j = i, length = 1; ; j++, length++) {
      for (const node of frontier) {
        if (!node.values.length) continue;
        if (!best || length > best.length) best = { length, values: node.values };
        else if (length === best.length && node.values !== best.values)
          best = { length, values: [...best.values, ...node.values] };
      }
      if (j + 1 >= count) break;
      let next: Array<Node<T>> | null = null;
      let keys: readonly string[] | null = null;
      for (const node of frontier) {
        if (node.next.size === 0) continue;
        keys ??= alternatives(j + 1);
        for (const k of keys) {
          const child = node.next.get(k);
          if (!child) continue;
          if (!next) next = [child];
          else if (!next.includes(child)) next.push(child);
        }
      }
      if (!next) break;
      frontier = next;
    }
    return best;
  }
}
