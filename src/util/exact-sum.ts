/**
 * A floating-point sum without rounding error (Shewchuk's adaptive expansion, as Python's
 * math.fsum): partial sums that never overlap, rounded once when read. The value is the correctly
 * rounded exact sum whatever the order of additions, so weighted statistics merged from any
 * chunking, worker count or shard split agree to the last bit.
 */
export class ExactSum {
  private partials: number[] = [];

  add(value: number): void {
    let x = value;
    const partials = this.partials;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }

  merge(other: ExactSum): void {
    for (const p of other.partials) this.add(p);
  }

  /** The exact sum, rounded to the nearest double (ties to even). */
  get value(): number {
    const partials = this.partials;
    let n = partials.length;
    if (n === 0) return 0;
    let hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half-even across the remaining partials: if they push the same way as lo, the tie breaks.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }

  toJSON(): number[] {
    return [...this.partials];
  }

  static fromJSON(partials: readonly number[]): ExactSum {
    const sum = new ExactSum();
    for (const p of partials) sum.add(p);
    return sum;
  }
}
