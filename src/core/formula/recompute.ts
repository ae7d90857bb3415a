import type { ErrVal, Stored } from './types';

export interface RecomputeHooks {
  dependents(formula: number, visit: (dependent: number) => void): void;
  isFormula(key: number): boolean;
  current(formula: number): Stored | undefined;
  evaluate(formula: number): Stored;
  store(formula: number, value: Stored): void;
  cycleError(formula: number, cycleSize: number): ErrVal;
  same(a: Stored, b: Stored): boolean;
}

/**
 * Evaluates the seeds and every formula reachable from them, each after the formulas it reads
 * (Kahn's algorithm). When the order stalls, the remaining cells contain cycles: strongly connected
 * components (iterative Tarjan) get #CYCLE!, and cells downstream of them then evaluate normally and
 * carry that error on. Nothing here recurses, so a 100,000-cell chain or cycle cannot overflow.
 */
export function orderAndEvaluate(seeds: Iterable<number>, hooks: RecomputeHooks): number[] {
  const ids = new Map<number, number>();
  const nodes: number[] = [];
  const succ: number[][] = [];
  const add = (f: number): void => {
    if (ids.has(f) || !hooks.isFormula(f)) return;
    ids.set(f, nodes.length);
    nodes.push(f);
    succ.push([]);
  };
  for (const f of seeds) add(f);
  for (let i = 0; i < nodes.length; i++) {
    const list = succ[i] as number[];
    hooks.dependents(nodes[i] as number, (g) => {
      add(g);
      const j = ids.get(g);
      if (j !== undefined) list.push(j);
    });
  }
  const n = nodes.length;
  const indeg = new Int32Array(n);
  for (const list of succ) for (const j of list) indeg[j] = (indeg[j] as number) + 1;
  const done = new Uint8Array(n);
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indeg[i] === 0) ready.push(i);
  const changed: number[] = [];
  let processed = 0;

  const finish = (i: number, value: Stored): void => {
    const f = nodes[i] as number;
    const before = hooks.current(f);
    hooks.store(f, value);
    if (before === undefined || !hooks.same(before, value)) changed.push(f);
    done[i] = 1;
    processed++;
    for (const j of succ[i] as number[]) {
      const left = (indeg[j] as number) - 1;
      indeg[j] = left;
      if (left === 0 && !done[j]) ready.push(j);
    }
  };

  for (;;) {
    while (ready.length > 0) {
      const i = ready.pop() as number;
      if (!done[i]) finish(i, hooks.evaluate(nodes[i] as number));
    }
    if (processed === n) break;
    const cycles = cyclicComponents(n, succ, done);
    if (cycles.length === 0) break;
    for (const comp of cycles)
      for (const i of comp) finish(i, hooks.cycleError(nodes[i] as number, comp.length));
  }
  return changed;
}

/** Components of the not-yet-done subgraph that form cycles (size > 1, or a self-loop). */
function cyclicComponents(n: number, succ: number[][], done: Uint8Array): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (done[root] || index[root] !== -1) continue;
    const work: [number, number][] = [[root, 0]];
    while (work.length > 0) {
      const top = work[work.length - 1] as [number, number];
      const [v, edge] = top;
      if (edge === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const list = succ[v] as number[];
      if (edge < list.length) {
        top[1] = edge + 1;
        const w = list[edge] as number;
        if (done[w]) continue;
        if (index[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v] as number, index[w] as number);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent[0]] = Math.min(low[parent[0]] as number, low[v] as number);
      if (low[v] === index[v]) {
        const comp: number[] = [];
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1 || list.includes(v)) out.push(comp);
      }
    }
  }
  return out;
}
