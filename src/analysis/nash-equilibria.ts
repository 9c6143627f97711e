/** A payoff matrix: rows are the first player's strategies, columns the second's. */
export type Matrix = readonly (readonly number[])[];

/** A Nash equilibrium: each player's mixed strategy and expected payoff. */
export interface Equilibrium {
  /** Probability of each of the first player's strategies. */
  readonly p: readonly number[];
  /** Probability of each of the second player's strategies. */
  readonly q: readonly number[];
  readonly payoffs: readonly [number, number];
  /** Strategies played with positive probability, each player's in order. */
  readonly support: readonly [readonly number[], readonly number[]];
}

// Payoffs are estimates: a tie within this relative tolerance is a tie, not a strict preference.
const TOL = 1e-9;

/** Profiles (i, j) where neither player gains by changing alone (weakly: ties count). */
export function pureEquilibria(a: Matrix, b: Matrix): [number, number][] {
  const found: [number, number][] = [];
  const m = a.length;
  const n = a[0].length;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let best = true;
      for (let r = 0; r < m && best; r++) if (a[r][j] > a[i][j] + tol(a[i][j])) best = false;
      for (let c = 0; c < n && best; c++) if (b[i][c] > b[i][j] + tol(b[i][j])) best = false;
      if (best) found.push([i, j]);
    }
  }
  return found;
}

/**
 * Every Nash equilibrium of a bimatrix game with supports of equal size (support enumeration;
 * Nisan et al., Algorithmic Game Theory, 3.3): all equilibria of a nondegenerate game. For each
 * pair of supports, the opponent's mix makes the player indifferent across its support, and no
 * strategy outside does better. Supports whose system is singular (ties) are skipped, so a
 * degenerate game may have equilibria this does not list (its pure ones are all found).
 */
export function nashEquilibria(a: Matrix, b: Matrix): Equilibrium[] {
  const m = a.length;
  const n = a[0].length;
  const found: Equilibrium[] = [];
  for (let k = 1; k <= Math.min(m, n); k++) {
    for (const rows of subsets(m, k)) {
      for (const cols of subsets(n, k)) {
        const e = onSupport(a, b, rows, cols);
        if (e?.valid) found.push(e.equilibrium);
      }
    }
  }
  return found;
}

/**
 * The mix that makes each player indifferent across the given supports (the opponent's mix on
 * `cols` for the first player's `rows`, and back), and whether it is an equilibrium (no strategy
 * outside its support does better); null when no such mix exists or the system is singular.
 */
export function onSupport(
  a: Matrix,
  b: Matrix,
  rows: readonly number[],
  cols: readonly number[],
): { equilibrium: Equilibrium; valid: boolean } | null {
  const q = indifference(rows.map((i) => cols.map((j) => a[i][j])));
  const p = indifference(cols.map((j) => rows.map((i) => b[i][j])));
  if (q === null || p === null) return null;
  const pFull = spread(p, rows, a.length);
  const qFull = spread(q, cols, a[0].length);
  const u = expected(a, pFull, qFull);
  const v = expected(b, pFull, qFull);
  const rowBest = a.every((row) => dot(row, qFull) <= u + tol(u));
  const colBest = b[0].every((_, j) => columnValue(b, pFull, j) <= v + tol(v));
  const equilibrium = {
    p: pFull,
    q: qFull,
    payoffs: [u, v] as [number, number],
    support: [[...rows], [...cols]] as [number[], number[]],
  };
  return { equilibrium, valid: rowBest && colBest };
}

const tol = (x: number) => TOL * Math.max(1, Math.abs(x));

/** Weights y ≥ 0 summing to 1 with M y constant, or null if none (or singular). */
function indifference(mat: number[][]): number[] | null {
  const k = mat.length;
  if (k === 1) return [1];
  // Unknowns y_0..y_{k-1} and v: M y − v = 0 for each row, Σ y = 1.
  const size = k + 1;
  const sys = mat.map((row) => [...row, -1, 0]);
  sys.push([...new Array<number>(k).fill(1), 0, 1]);
  const x = solve(sys, size);
  if (x === null) return null;
  const y = x.slice(0, k);
  if (y.some((w) => w < -1e-12)) return null;
  if (y.some((w) => w <= 1e-12)) return null; // a zero weight is a smaller support's equilibrium
  return y.map((w) => Math.max(0, w));
}

/** Gaussian elimination with partial pivoting on an augmented matrix; null when singular. */
function solve(sys: number[][], size: number): number[] | null {
  const scale = Math.max(1e-300, ...sys.flat().map(Math.abs));
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) {
      if (Math.abs(sys[r][col]) > Math.abs(sys[pivot][col])) pivot = r;
    }
    if (Math.abs(sys[pivot][col]) < 1e-12 * scale) return null;
    [sys[col], sys[pivot]] = [sys[pivot], sys[col]];
    for (let r = 0; r < size; r++) {
      if (r === col) continue;
      const f = sys[r][col] / sys[col][col];
      for (let c = col; c <= size; c++) sys[r][c] -= f * sys[col][c];
    }
  }
  return sys.map((row, i) => row[size] / row[i]);
}

function* subsets(n: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield [...idx];
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1] + 1;
  }
}

function spread(w: readonly number[], at: readonly number[], n: number): number[] {
  const full = new Array<number>(n).fill(0);
  at.forEach((i, k) => (full[i] = w[k]));
  return full;
}

const dot = (x: readonly number[], y: readonly number[]) =>
  x.reduce((s, xi, i) => s + xi * y[i], 0);
const columnValue = (b: Matrix, p: readonly number[], j: number) =>
  b.reduce((s, row, i) => s + p[i] * row[j], 0);

/** p' M q. */
export function expected(mat: Matrix, p: readonly number[], q: readonly number[]): number {
  return mat.reduce((s, row, i) => s + p[i] * dot(row, q), 0);
}
