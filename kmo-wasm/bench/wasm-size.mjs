// What takes the bytes of a WebAssembly module, by crate (kmo-core by module) and by function,
// read from its name section (cargo's output, or a module optimised with `wasm-opt -g`, which
// keeps the names), plus its data (texts, tables) and other sections.
// `node bench/wasm-size.mjs FILE.wasm [--top N] [--json]`
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The module's sections, function bodies and names. */
export function readModule(bytes) {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[p++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return result;
  };
  const name = () => {
    const n = leb();
    const s = Buffer.from(bytes.subarray(p, p + n)).toString('utf8');
    p += n;
    return s;
  };
  const out = { total: bytes.length, sections: [], imports: 0, bodies: [], data: [], names: new Map() };
  const ids = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    const start = p;
    const end = p + size;
    let label = ids[id] ?? `section ${id}`;
    if (id === 0) label = `custom: ${name()}`;
    out.sections.push({ label, size: end - start + 1 + Math.ceil(Math.log2(size + 1) / 7), content: size });
    if (id === 2) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        name();
        name();
        const kind = bytes[p++];
        if (kind === 0) {
          out.imports++;
          leb();
        } else if (kind === 1) {
          p++;
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else {
          p += 2;
        }
      }
    } else if (id === 10) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const n = leb();
        out.bodies.push({ start: p, size: n });
        p += n;
      }
    } else if (id === 11) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const flags = leb();
        if (flags === 0) {
          // offset expression: i32.const n end
          while (bytes[p++] !== 0x0b);
        } else if (flags === 2) {
          leb();
          while (bytes[p++] !== 0x0b);
        }
        const n = leb();
        out.data.push(bytes.subarray(p, p + n));
        p += n;
      }
    } else if (label === 'custom: name') {
      while (p < end) {
        const sub = bytes[p++];
        const len = leb();
        const subEnd = p + len;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const index = leb();
            out.names.set(index, name());
          }
        }
        p = subEnd;
      }
    }
    p = end;
  }
  return out;
}

/** A legacy-mangled Rust name (`_ZN…17h<hash>E`) demangled; other names unchanged. */
export function demangle(fn) {
  if (fn.startsWith('_R')) {
    // v0 mangling (the precompiled standard library): the crate, then the identifiers in order.
    const m = fn.match(/C(?:s[0-9A-Za-z]*_)?(?=\d)/);
    if (!m) return fn;
    const parts = [];
    let rest = fn.slice(m.index + m[0].length);
    for (;;) {
      const d = rest.match(/^(\d+)_?/);
      if (!d) {
        const skip = rest.match(/^[^\d]*?(?=\d)/);
        if (!skip || !skip[0].length || /C(?:s[0-9A-Za-z]*_)?$/.test(skip[0]) || parts.length > 6) break;
        rest = rest.slice(skip[0].length);
        continue;
      }
      const n = Number(d[1]);
      parts.push(rest.slice(d[0].length, d[0].length + n));
      rest = rest.slice(d[0].length + n);
    }
    return parts.join('::');
  }
  if (!fn.startsWith('_ZN')) return fn;
  const parts = [];
  let rest = fn.slice(3);
  for (let m = rest.match(/^(\d+)/); m; m = rest.match(/^(\d+)/)) {
    const n = Number(m[1]);
    parts.push(rest.slice(m[1].length, m[1].length + n));
    rest = rest.slice(m[1].length + n);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const codes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
  return parts
    .map((s) => s.replace(/^_\$/, '$').replace(/\$([A-Z]+|u[0-9a-f]+)\$/g, (all, c) => codes[c] ?? (c[0] === 'u' ? String.fromCodePoint(parseInt(c.slice(1), 16)) : all)).replace(/\.\./g, '::'))
    .join('::');
}

/** The crate a function belongs to, and for kmo-core its module: `kmo_core::json`. */
export function owner(name) {
  if (/ multivalue shim$/.test(name)) return 'exports (wasm-bindgen shims, with what wasm-opt inlined into them)';
  const d = demangle(name).replace(/\[[0-9a-f]{16}\]/g, '');
  // `<T as Trait>::f`: the type's path decides (`<kmo_core::units::Money as core::fmt::Display>`),
  // unless the type is a primitive or a standard one, then the trait's.
  const m = d.match(/^<([^ >]*)(?: as ([^>]*))?>/);
  let path = d;
  if (m) path = /^[a-z_][a-z0-9_]*::/.test(m[1]) && !/^(core|alloc|std)::/.test(m[1]) ? m[1] : (m[2] ?? m[1]);
  path = path.replace(/^[&*]+(mut |const )?/, '');
  const parts = path.split('::');
  const crate = parts[0];
  if (crate === 'kmo_core') return `kmo_core::${parts[1] ?? ''}`;
  if (crate === 'kmo_wasm') return 'kmo_wasm (bindings)';
  if (/^(core|alloc|std|compiler_builtins|dlmalloc|wasm_bindgen|rust_decimal|time|arrayvec)$/.test(crate)) return crate;
  if (/^[a-z_][a-z0-9_]*$/.test(crate) && parts.length > 1) return crate;
  return 'other (memcpy, allocator glue, unnamed)';
}

/** gzip -9 of bytes. */
const gz = (parts) => gzipSync(Buffer.concat(parts.map((p) => Buffer.from(p))), { level: 9 }).length;

export function profile(bytes, top = 30) {
  const mod = readModule(bytes);
  const fns = mod.bodies.map((b, i) => ({ name: demangle(mod.names.get(i + mod.imports) ?? `func${i + mod.imports}`), raw: mod.names.get(i + mod.imports) ?? '', size: b.size }));
  const code = fns.reduce((a, f) => a + f.size, 0);
  const data = mod.data.reduce((a, d) => a + d.length, 0);
  const byOwner = new Map();
  const bodies = new Map();
  mod.bodies.forEach((b, i) => {
    const o = owner(mod.names.get(i + mod.imports) ?? '');
    byOwner.set(o, (byOwner.get(o) ?? 0) + b.size);
    if (!bodies.has(o)) bodies.set(o, []);
    bodies.get(o).push(bytes.subarray(b.start, b.start + b.size));
  });
  // The data: printable text (message texts, names, codes) against the rest (tables, numbers).
  let text = 0;
  for (const d of mod.data) {
    let run = 0;
    for (let i = 0; i < d.length; i++) {
      const c = d[i];
      if ((c >= 0x20 && c < 0x7f) || c >= 0xc2 || c === 10) run++;
      else {
        if (run >= 4) text += run;
        run = 0;
      }
    }
    if (run >= 4) text += run;
  }
  return {
    total: mod.total,
    code,
    data,
    dataText: text,
    sections: mod.sections,
    owners: [...byOwner.entries()].sort((a, b) => b[1] - a[1]).map(([o, n]) => [o, n, gz(bodies.get(o))]),
    codeGzip: gz(mod.bodies.map((b) => bytes.subarray(b.start, b.start + b.size))),
    dataGzip: gz(mod.data),
    gzip: gzipSync(bytes, { level: 9 }).length,
    functions: fns.sort((a, b) => b.size - a.size).slice(0, top).map(({ name, size }) => ({ name, size })),
    count: fns.length,
  };
}

/** Markdown: for each module, its parts with their bytes, and its largest functions. */
export function markdown(modules, rows = 14, functions = 8) {
  const out = [];
  for (const [file, label] of modules) {
    const p = profile(readFileSync(file), functions);
    const top = p.owners.slice(0, rows);
    const rest = p.owners.slice(rows);
    out.push(
      `**${label}**: ${p.gzip} bytes gzip -9 with its names; code ${p.code} bytes (${p.codeGzip} gzip alone), data ${p.data} bytes (${p.dataGzip} gzip alone; ${p.dataText} of them text).`,
      '',
      '| part | bytes | gzip alone |',
      '|---|---|---|',
      ...top.map(([o, n, g]) => `| ${o} | ${n} | ${g} |`),
      `| everything else (${rest.length} parts) | ${rest.reduce((a, r) => a + r[1], 0)} | ${rest.reduce((a, r) => a + r[2], 0)} |`,
      `| data (texts of the messages, tables, panic locations) | ${p.data} | ${p.dataGzip} |`,
      '',
      `Largest functions: ${p.functions.map((f) => `\`${f.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/\|/g, '\\|')}\` ${f.size}`).join(', ')}.`,
      '',
    );
  }
  return out.join('\n').trimEnd();
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--markdown') {
  const args = process.argv.slice(3);
  const modules = [];
  for (let i = 0; i + 1 < args.length; i += 2) modules.push([args[i], args[i + 1]]);
  console.log(markdown(modules));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  const topAt = process.argv.indexOf('--top');
  const top = topAt > 0 ? Number(process.argv[topAt + 1]) : 30;
  const p = profile(readFileSync(file), top);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(p));
  } else {
    console.log(`${file}: ${p.total} bytes; code ${p.code} in ${p.count} functions; data ${p.data} (of which ${p.dataText} printable text)`);
    console.log('\nsections:');
    for (const s of p.sections) console.log(`  ${String(s.size).padStart(8)}  ${s.label}`);
    console.log('\ncode by crate (kmo_core by module):');
    for (const [o, n, g] of p.owners) console.log(`  ${String(n).padStart(8)}  ${(100 * n / p.code).toFixed(1).padStart(5)} %  ${String(g).padStart(7)} gz  ${o}`);
    console.log(`\nlargest ${top} functions:`);
    for (const f of p.functions) console.log(`  ${String(f.size).padStart(8)}  ${f.name.slice(0, 150)}`);
  }
}
