/** Numerical integration for tests that compare estimates with exact integrals. */

/** Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_n). */
export function gaussLegendre(n: number): { x: number[]; w: number[] } {
  const x: number[] = [];
  const w: number[] = [];
  for (let i = 1; i <= n; i++) {
    let z = Math.cos((Math.PI * (i - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let [p0, p1] = [1, z];
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x.push(z);
    w.push(2 / ((1 - z * z) * dp * dp));
  }
  return { x, w };
}

/**
 * Exact first- and total-order Sobol indices of f(x₀, x₁, x₂) with each x uniform on its range,
 * by 24-point Gauss–Legendre tensor quadrature: S_d = Var E[f | x_d] / Var f, S_Td = E Var[f | x_−d] / Var f.
 */
export function exactSobolIndices(
  p: (a: number, b: number, c: number) => number,
  ranges: readonly (readonly [number, number])[],
): { first: number[]; total: number[] } {
  const { x, w } = gaussLegendre(24);
  const nodes = ranges.map(([lo, hi]) =>
    x.map((z, i) => ({ v: lo + ((hi - lo) * (z + 1)) / 2, w: w[i] / 2 })),
  );
  const values = (i: number, j: number, k: number) =>
    p(nodes[0][i].v, nodes[1][j].v, nodes[2][k].v);
  const n = x.length;
  const idx = [...Array(n).keys()];
  let mean = 0;
  let square = 0;
  for (const i of idx)
    for (const j of idx)
      for (const k of idx) {
        const weight = nodes[0][i].w * nodes[1][j].w * nodes[2][k].w;
        mean += weight * values(i, j, k);
        square += weight * values(i, j, k) ** 2;
      }
  const variance = square - mean * mean;
  const at = (d: number, fixed: number, a: number, b: number) => {
    const slot = [a, b];
    slot.splice(d, 0, fixed);
    return values(slot[0], slot[1], slot[2]);
  };
  const first: number[] = [];
  const total: number[] = [];
  for (let d = 0; d < 3; d++) {
    const others = [0, 1, 2].filter((e) => e !== d);
    // V_d = Var E[p | x_d]; V_Td = E Var[p | x_−d].
    let conditional = 0;
    for (const i of idx) {
      let m = 0;
      for (const a of idx)
        for (const b of idx) m += nodes[others[0]][a].w * nodes[others[1]][b].w * at(d, i, a, b);
      conditional += nodes[d][i].w * m * m;
    }
    let within = 0;
    for (const a of idx)
      for (const b of idx) {
        let m = 0;
        let s = 0;
        for (const i of idx) {
          const v = at(d, i, a, b);
          m += nodes[d][i].w * v;
          s += nodes[d][i].w * v * v;
        }
        within += nodes[others[0]][a].w * nodes[others[1]][b].w * (s - m * m);
      }
    first.push((conditional - mean * mean) / variance);
    total.push(within / variance);
  }
  return { first, total };
}
