/**
 * A tournament tree over a fixed set of times: set one leaf in O(log n), read the earliest in
 * O(1). The event loop keeps each process's next firing time here, so finding the next process
 * costs a few comparisons however many processes a scenario has.
 */
export class MinTree {
  private readonly size: number;
  /** Winner (leaf index) of each internal node; leaves live at size + i. */
  private readonly winner: Int32Array;
  readonly value: Float64Array;

  constructor(leaves: number) {
    let size = 1;
    while (size < Math.max(1, leaves)) size *= 2;
    this.size = size;
    this.winner = new Int32Array(2 * size);
    this.value = new Float64Array(size).fill(Infinity);
    for (let i = 0; i < size; i++) this.winner[size + i] = i;
    this.rebuild();
  }

  /** Leaf with the earliest time (ties: lowest index). */
  get minIndex(): number {
    return this.winner[1];
  }

  get minValue(): number {
    return this.value[this.winner[1]];
  }

  set(leaf: number, time: number): void {
    const value = this.value;
    const winner = this.winner;
    value[leaf] = time;
    let node = (this.size + leaf) >> 1;
    while (node >= 1) {
      const a = winner[2 * node];
      const b = winner[2 * node + 1];
      const w = value[b] < value[a] ? b : a;
      // The same other leaf still wins here: nothing above this node can change.
      if (w === winner[node] && w !== leaf) return;
      winner[node] = w;
      node >>= 1;
    }
  }

  /** Recomputes every internal node after many leaves changed. */
  rebuild(): void {
    for (let node = this.size - 1; node >= 1; node--) {
      this.winner[node] = this.better(this.winner[2 * node], this.winner[2 * node + 1]);
    }
  }

  /** Sets a leaf without updating the tree; call rebuild() after a batch. */
  setQuiet(leaf: number, time: number): void {
    this.value[leaf] = time;
  }

  private better(a: number, b: number): number {
    return this.value[b] < this.value[a] ? b : a;
  }
}
