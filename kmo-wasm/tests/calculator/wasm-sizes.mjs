// What takes the bytes of the calculator's engine (the lean module build.sh builds last, Dutch):
// the code of each function, attributed to its
// crate (and, for kmo-core, its module) through the name section of cargo's output (the
// shipped module has no names; wasm-opt shrinks every part by about the same factor), plus the
// data section (message texts, tables). `node kmo-wasm/tests/calculator/wasm-sizes.mjs`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { readModule } from '../../bench/wasm-size.mjs';
import { ROOT } from './browser.mjs';

const RAW = join(process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target'), 'wasm32-unknown-unknown/wasm-release/kmo_wasm.wasm');

// The module read by the size report's reader: function bodies, names, and the data section's size.
function sections(bytes) {
  const m = readModule(bytes);
  const data = m.sections.find((x) => x.label === 'data');
  return { imports: m.imports, bodies: m.bodies.map((b) => b.size), data: data ? data.content : 0, names: m.names, total: m.total };
}

// A mangled Rust name (legacy `_ZN…E` or v0 `_R…`) → its crate and first module.
function path(fn) {
  const idents = (text) => {
    const out = [];
    let rest = text;
    for (let m = rest.match(/^(\d+)/); m; m = rest.match(/^(\d+)/)) {
      const n = Number(m[1]);
      out.push(rest.slice(m[1].length, m[1].length + n).replace(/^_(?=\$)/, ''));
      rest = rest.slice(m[1].length + n);
    }
    return out;
  };
  if (fn.startsWith('_ZN')) {
    const parts = idents(fn.slice(3));
    if (parts[0]?.startsWith('$LT$')) {
      // `<T as alloc::slice::…>`, `<kmo_core::units::Money as core::fmt::Display>`: the first path.
      const decoded = parts[0].replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&').replace(/\.\./g, '::');
      const m = decoded.match(/([a-z_][a-z0-9_]*)::([A-Za-z_][A-Za-z0-9_]*)/);
      return m ? [m[1], m[2]] : ['other'];
    }
    return parts;
  }
  if (fn.startsWith('_R')) {
    const m = fn.match(/C(?:s[0-9A-Za-z]*_)?(?=\d)/);
    if (m) return idents(fn.slice(m.index + m[0].length)).slice(0, 2);
  }
  return ['other'];
}

function group(fn) {
  const [crate, module] = path(fn);
  if (crate === 'kmo_core') return `kmo_core::${module ?? ''}`;
  if (crate === 'kmo_wasm') return 'kmo_wasm (the bindings)';
  if (/^(core|alloc|std|compiler_builtins|dlmalloc)$/.test(crate)) return `${crate} (Rust standard library)`;
  if (crate && crate !== 'other' && /^[a-z_][a-z0-9_]*$/.test(crate)) return crate;
  return 'other (memcpy, allocator, unnamed)';
}

/** The breakdown as Markdown, or a note that the unoptimised module is not there. */
export function breakdown() {
  if (!existsSync(RAW)) return `(No breakdown: ${RAW} not found; it is written by \`bash kmo-wasm/build.sh\`.)`;
  const s = sections(readFileSync(RAW));
  const sizes = new Map();
  s.bodies.forEach((n, i) => {
    const g = group(s.names.get(i + s.imports) ?? '');
    sizes.set(g, (sizes.get(g) ?? 0) + n);
  });
  const code = s.bodies.reduce((a, b) => a + b, 0);
  const rows = [...sizes.entries()].sort((a, b) => b[1] - a[1]);
  const top = rows.slice(0, 16);
  const rest = rows.slice(16).reduce((n, [, b]) => n + b, 0);
  const pct = (n) => `${((100 * n) / (code + s.data)).toFixed(1)} %`;
  return [
    `What takes the bytes of the calculator's Dutch engine, read from cargo's module before wasm-bindgen and wasm-opt (${s.total} bytes, of which code ${code} and data ${s.data};`,
    'the rest is the name section this breakdown reads, which the shipped module does not carry). Shares are of code + data.',
    'The standard library\'s part (core, alloc) is mostly generic code instantiated for kmo-core: iterators, formatting, strings, collections.',
    '',
    '| part | bytes | share |',
    '|---|---|---|',
    ...top.map(([g, n]) => `| ${g} code | ${n} | ${pct(n)} |`),
    rest ? `| everything else, code | ${rest} | ${pct(rest)} |` : null,
    `| data section (message texts in Dutch, tables, constants) | ${s.data} | ${pct(s.data)} |`,
  ].filter((x) => x !== null).join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(breakdown());
