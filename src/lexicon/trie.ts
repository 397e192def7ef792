/**
 * A trie over word keys: each lexicon form is a path of match keys, and a
 * lookup walks the document's tokens, trying each token's alternative keys
 * (stem, word without proclitics, whole word), and returns the longest match.
 */

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
  size = 0;

  add(keys: string[], value: T): void {
    if (keys.length === 0) return;
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

  /** Longest match starting at token `i`; `alternatives(j)` gives the keys token j may match as. */
  longest(i: number, count: number, alternatives: (j: number) => readonly string[]): TrieMatch<T> | null {
    let frontier: Array<Node<T>> = [this.root];
    let best: TrieMatch<T> | null = null;
    for (let j = i; j < count && frontier.length; j++) {
      const keys = alternatives(j);
      const next: Array<Node<T>> = [];
      for (const node of frontier) {
        for (const k of keys) {
          const child = node.next.get(k);
          if (child && !next.includes(child)) next.push(child);
        }
      }
      for (const node of next) {
        if (
          node.values.length &&
          (!best || j + 1 - i > best.length || (j + 1 - i === best.length && node.values !== best.values))
        ) {
          best =
            best && best.length === j + 1 - i
              ? { length: best.length, values: [...best.values, ...node.values] }
              : { length: j + 1 - i, values: node.values };
        }
      }
      frontier = next;
    }
    return best;
  }
}
