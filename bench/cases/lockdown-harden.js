// One fresh process: lockdown() and harden() timings for one implementation.
import { performance } from 'node:perf_hooks';

const impl = process.argv[2];
await import(impl === 'ours' ? 'ses' : 'ses-reference');

const t0 = performance.now();
lockdown();
const lockdownMs = performance.now() - t0;

const timed = (fn) => {
  const s = performance.now();
  fn();
  return performance.now() - s;
};

// 100k fresh objects reachable from one root (wide graph).
const wide = { items: [] };
for (let i = 0; i < 100_000; i += 1) wide.items.push({ i, tag: { n: i } });
const hardenWideMs = timed(() => harden(wide));

// A chain 100k deep: harden must not recurse.
let chain = {};
for (let i = 0; i < 100_000; i += 1) chain = { next: chain };
const hardenChainMs = timed(() => harden(chain));

// The same graph again: the already-hardened fast path.
const hardenAgainMs = timed(() => harden(wide));

// A small fresh object pointing into the hardened graph.
const hardenPointerMs = timed(() => {
  for (let i = 0; i < 1000; i += 1) harden({ ref: wide, i });
}) / 1000;

console.log(JSON.stringify({ lockdownMs, hardenWideMs, hardenChainMs, hardenAgainMs, hardenPointerMs }));
