#!/usr/bin/env bash
# Builds the npm package in kmo-wasm/: the WebAssembly module (size profile), the wasm-bindgen
# glue for Node, browsers and bundlers, wasm-opt (size: -Os), the module inlined (gzip + base64) for the
# default browser entry, the CommonJS API layer and declarations, the calculator (its lean
# modules, one per language, and its script bundled by esbuild), and a size report (pkg/SIZE.md).
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli of the pinned version, and
# `npm ci` in kmo-wasm/ (for binaryen's wasm-opt). scripts/setup-wasm installs them.
#
# Usage: bash build.sh              build pkg/
#        bash build.sh --if-stale   build only when pkg/ is missing or was built from other sources
#                                   (what `npm pack` runs first, through the `prepack` script)
#        bash build.sh --calculator-js   while editing calculator/: bundle its script and words
#                                   again over the engines of the last build (no Rust build;
#                                   pkg/ stays marked stale, so `npm pack` builds it all again)
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)

fail() {
  printf 'kmo-wasm: cannot build the WebAssembly package: %s\n' "$1" >&2
  printf 'Run `bash scripts/setup-wasm` from the repository root (it installs the wasm32 target, wasm-bindgen-cli and the npm tools), then try again.\n' >&2
  exit 1
}

want_bindgen=$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)

# What the package is built from; pkg/.stamp holds its digest.
stamp() {
  {
    (cd "$root" && find kmo-core/src kmo-core/Cargo.toml kmo-wasm/src kmo-wasm/Cargo.toml kmo-wasm/js \
      kmo-wasm/index.d.ts kmo-wasm/build.sh kmo-wasm/calculator kmo-wasm/package-lock.json Cargo.toml Cargo.lock -type f -print0 | sort -z | xargs -0 sha256sum)
    echo "wasm-bindgen $want_bindgen"
  } | sha256sum | cut -c1-64
}

# The calculator's script, and each language's glue bundled with that language's words.
calculator_js() {
  for lang in en fr nl; do
    printf "export * from './%s/engine.js';\nexport { default } from './%s/engine.js';\nexport { default as texts } from '%s';\n" \
      "$lang" "$lang" "$PWD/calculator/texts/$lang.js" > "$glue/engine-$lang.js"
    node_modules/.bin/esbuild "$glue/engine-$lang.js" --bundle --minify --format=esm --target=es2022 \
      --legal-comments=none --log-level=warning --outfile="pkg/calculator/engine-$lang.js"
  done
  node_modules/.bin/esbuild calculator/index.js --bundle --minify --format=esm --target=es2022 \
    --external:'./engine-*' --legal-comments=none --log-level=warning --outfile=pkg/calculator/index.js
}
# The glue wasm-bindgen wrote for the calculator's engines, kept for --calculator-js.
glue="${CARGO_TARGET_DIR:-$root/target}/calculator-glue"
if [ "${1:-}" = "--calculator-js" ]; then
  [ -d "$glue/nl" ] && [ -f pkg/calculator/engine-nl.wasm ] || fail "no earlier build to bundle over (run bash build.sh once)"
  calculator_js
  rm -f pkg/.stamp
  echo "kmo-wasm: pkg/calculator/ scripts bundled again (pkg/ marked stale: npm pack builds it all)"
  exit 0
fi
if [ "${1:-}" = "--if-stale" ]; then
  if [ -f pkg/.stamp ] && [ "$(cat pkg/.stamp)" = "$(stamp)" ]; then
    echo "kmo-wasm: pkg/ is up to date with the sources (bash build.sh rebuilds it)"
    exit 0
  fi
  echo "kmo-wasm: pkg/ is missing or out of date; building it"
fi

command -v cargo >/dev/null 2>&1 || fail "cargo (Rust) is not installed"
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  fail "the Rust target wasm32-unknown-unknown is not installed"
fi
have_bindgen=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
[ "$have_bindgen" = "$want_bindgen" ] ||
  fail "wasm-bindgen-cli $want_bindgen is needed (found: ${have_bindgen:-none})"
[ -x node_modules/.bin/wasm-opt ] || fail "wasm-opt is missing (npm ci in kmo-wasm/ installs binaryen)"
[ -x node_modules/.bin/esbuild ] || fail "esbuild is missing (npm ci in kmo-wasm/ installs it)"

# Two builds of the same Rust, one trade-off each (BENCHMARKS.md, "Size and speed"):
# - browsers (web, the default entry, bundlers) download the module: optimised for size
#   (the wasm-release profile, opt-level "z", then wasm-opt -Os, below);
# - Node.js (servers, batch runs) loads it once from the package: optimised for speed
#   (opt-level 3, then wasm-opt -O3), about twice as fast and a fifth larger.
# Both are built from the same sources with the same features; tests/modules.test.js holds
# their answers byte-equal.
# The modules carry the source paths of their panic messages: relative to the repository and
# to the crate registry, so that the package holds no path of the machine that built it (and
# is a few hundred bytes smaller). Encoded flags: a path may hold spaces.
flags=()
if [ -n "${CARGO_ENCODED_RUSTFLAGS:-}" ]; then
  IFS=$'\x1f' read -ra flags <<<"$CARGO_ENCODED_RUSTFLAGS"
elif [ -n "${RUSTFLAGS:-}" ]; then
  read -ra flags <<<"$RUSTFLAGS"
fi
flags+=("--remap-path-prefix=$root/=")
for source in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
  if [ -d "$source" ]; then flags+=("--remap-path-prefix=$source="); fi
done
CARGO_ENCODED_RUSTFLAGS=$(IFS=$'\x1f'; echo "${flags[*]}")
export CARGO_ENCODED_RUSTFLAGS
# The builds for size take `--cfg kmo_size`: the core's few `#[inline(always)]`, which copy a
# speed path's callee into each caller (the quick quote's application and checks, the size
# test, the de minimis test, the deadlines), are left to the optimiser there (1.4 KB gzip off
# the browser module, 0.1 KB off the calculator's); the speed build and native code keep them.
size_rustflags="$CARGO_ENCODED_RUSTFLAGS"$'\x1f'"--cfg=kmo_size"
# wasm-opt for the size build, measured on gzip -9 of the shipped modules (BENCHMARKS.md,
# "Size and speed"). -Os rather than -Oz: a little larger raw, 0.5 KB smaller gzipped (the
# browser module; the calculator's the same). --low-memory-unused: nothing is read or written below address
# 1024 (the stack sits at the bottom of memory and grows down from 1 MiB; those bytes are its
# last kilobyte), so constant offsets fold into loads and stores: 1.1 KB gzip off the browser
# module, 0.5 KB off the calculator's. Measured and not taken: -O4 and --gufa (larger), -tnh and
# -iit (within 50 bytes, and they would let wasm-opt assume that a trap, a panic, never happens),
# opt-level "s" in cargo (14 KB larger).
size_opt=(-Os --converge --low-memory-unused)
# The speed build (Node.js) takes --low-memory-unused too; +simd128 in cargo and wasm-opt -O4
# measured within the noise for `assessJson` there, and are not taken.
speed_profile=(--config 'profile.wasm-speed.inherits="wasm-release"' --config 'profile.wasm-speed.opt-level=3')
CARGO_ENCODED_RUSTFLAGS=$size_rustflags cargo build -q --locked -p kmo-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/wasm-release/kmo_wasm.wasm"
cargo build -q --locked -p kmo-wasm --target wasm32-unknown-unknown --profile wasm-speed "${speed_profile[@]}"
wasm_speed="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/wasm-speed/kmo_wasm.wasm"
# The optimised modules with their function names (for the size report, bench/wasm-size.mjs),
# and the Node module between its optimisation and its packing.
kept="${CARGO_TARGET_DIR:-$root/target}/kmo-wasm-build"
mkdir -p "$kept"
rm -rf pkg
# The web glue is built without its default `new URL('kmo_wasm_bg.wasm', import.meta.url)`:
# web/index.js names the file itself, and the default entry (browser/index.js), which carries the
# module inline, must not make bundlers emit an unused copy of it.
for target in nodejs:node::speed web:web:--omit-default-module-path:size bundler:bundler::size; do
  IFS=: read -r kind out flag build <<<"$target"
  out="pkg/$out"
  if [ "$build" = speed ]; then from=$wasm_speed; opt="-O3 --low-memory-unused"; else from=$wasm; opt="${size_opt[*]}"; fi
  # Shipped without the function names. The size report's copy keeps them: optimised apart
  # with -g, which would cost the shipped module about 200 bytes gzip (web only).
  wasm-bindgen --target "$kind" --weak-refs --keep-debug ${flag:+"$flag"} --out-dir "$out" "$from"
  # shellcheck disable=SC2086 # $opt is several flags
  if [ "$kind" = web ]; then node_modules/.bin/wasm-opt $opt -g "$out/kmo_wasm_bg.wasm" -o "$kept/web-named.wasm"; fi
  # Without the producers and target-features sections (about 200 bytes no engine reads).
  # shellcheck disable=SC2086
  node_modules/.bin/wasm-opt $opt --strip-debug --strip-producers --strip-target-features "$out/kmo_wasm_bg.wasm" -o "$out/kmo_wasm_bg.wasm"
  # The raw glue's JSDoc repeats the Rust docs of internal functions (the API is documented in
  # index.d.ts and README.md): shipped without it.
  node -e '
    const fs = require("fs"), f = process.argv[1];
    fs.writeFileSync(f, fs.readFileSync(f, "utf8").replace(/^[ \t]*\/\*\*\n(?:[ \t]*\*.*\n)*?[ \t]*\*\/\n/gm, ""));
  ' "$out/kmo_wasm.js"
  rm -f "$out/package.json" "$out/.gitignore"
done
# The browser targets get byte-identical WebAssembly. The Node glue takes its module from
# pkg/inline.cjs (below), never from a file found through `__dirname`, which bundlers of server
# code rewrite (Next.js's Turbopack, webpack) or leave pointing at their output (Rollup, esbuild):
# a module a bundler can trace like any other. The bundler glue keeps its own .wasm, because the
# module imports "./kmo_wasm_bg.js" from beside itself (the WebAssembly ESM integration resolves it there).
relink() { # file, text to replace, replacement
  node -e '
    const fs = require("fs"), [f, from, to] = process.argv.slice(1), s = fs.readFileSync(f, "utf8");
    if (s.split(from).length !== 2) { console.error(`build.sh: ${f} no longer has ${from} once; update build.sh`); process.exit(1); }
    fs.writeFileSync(f, s.replace(from, to));
  ' "$@"
}
# Strings into the module through the platform's encoder: the glue copies a string's ASCII
# part with a loop in JavaScript, one character at a time, and only the rest with
# `TextEncoder.encodeInto`; encodeInto takes the whole string here (the rest as before). On the
# benchmark's request (351 characters) in Node.js: 1.1 µs for the loop, 0.17 µs for encodeInto
# (BENCHMARKS.md, JavaScript `assess`). The same bytes in wasm memory either way.
fast_strings() { # a wasm-bindgen glue file
  relink "$1" "    const mem = getUint8ArrayMemory0();

    let offset = 0;

    for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 0x7F) break;
        mem[ptr + offset] = code;
    }
    if (offset !== len) {
        if (offset !== 0) {
            arg = arg.slice(offset);
        }" "    const head = cachedTextEncoder.encodeInto(arg, getUint8ArrayMemory0().subarray(ptr, ptr + len));
    let offset = head.written;
    if (head.read !== len) {
        arg = arg.slice(head.read);"
}
for file in pkg/node/kmo_wasm.js pkg/web/kmo_wasm.js pkg/bundler/kmo_wasm_bg.js; do fast_strings "$file"; done
cmp -s pkg/bundler/kmo_wasm_bg.wasm pkg/web/kmo_wasm_bg.wasm || { echo "build.sh: pkg/bundler and pkg/web have different wasm" >&2; exit 1; }
mv pkg/node/kmo_wasm_bg.wasm "$kept/node.wasm"
rm pkg/node/kmo_wasm_bg.wasm.d.ts
relink pkg/node/kmo_wasm.js "const wasmPath = \`\${__dirname}/kmo_wasm_bg.wasm\`;
const wasmBytes = require('fs').readFileSync(wasmPath);" \
  "const wasmBytes = require('zlib').gunzipSync(Buffer.from(require('../inline.cjs'), 'base64'));"
# The Node glue is CommonJS inside an ESM package.
echo '{ "type": "commonjs" }' > pkg/node/package.json
# The module for the default browser entry: gzip (unpacked by the browser's DecompressionStream),
# then base64 in a JavaScript string, so that every bundler takes it as plain code; the Node
# module the same way, as CommonJS, for the Node glue (unpacked by node:zlib), which the Node
# entries, ESM and CommonJS, share.
node -e '
  const fs = require("fs"), zlib = require("zlib");
  const packed = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).toString("base64");
  const head = (what) => `// Generated by build.sh: ${what}, gzip, base64.\n`;
  fs.writeFileSync("pkg/inline.js", head("the browser module (pkg/web/kmo_wasm_bg.wasm)") + "export default \"" + packed("pkg/web/kmo_wasm_bg.wasm") + "\";\n");
  fs.writeFileSync("pkg/inline.cjs", head("the Node.js module, built for speed") + "module.exports = \"" + packed(process.argv[1]) + "\";\n");
' "$kept/node.wasm"
# The API layer for CommonJS (`require`), derived from the one ESM source.
{
  echo '// Generated by build.sh from js/api.js; do not edit.'
  sed -e 's/^export class /class /' -e 's/^export function /function /' js/api.js
  echo 'module.exports = { KmoError, makeApi, makeAssess, typedDoors };'
} > pkg/api.cjs
# The declarations of the CommonJS entry: the same API as index.d.ts, as a CommonJS module.
{
  echo '// Generated by build.sh from index.d.ts: the declarations of the CommonJS entry.'
  cat index.d.ts
} > pkg/index.d.cts
raw=$(stat -c %s "$wasm")

# The calculator: the lean engine (`assessJson` and `engine` only; no full SME definition, no
# wallet history: kmo-wasm built without its default features), one module per language with
# that language's texts only. Each module gets its own copy of the glue, bundled with the
# element's words in that language (engine-<lang>.js): a wasm-bindgen glue holds one instance,
# and a page may show the element in two languages. The element's script and the API layer are
# bundled and minified into pkg/calculator/index.js, which imports its language's engine.
mkdir -p pkg/calculator
rm -rf "$glue"
mkdir -p "$glue"
for lang in en fr nl; do # nl last: the module tests/calculator/wasm-sizes.mjs breaks down
  CARGO_ENCODED_RUSTFLAGS=$size_rustflags cargo build -q --locked -p kmo-wasm --no-default-features --features "$lang" \
    --target wasm32-unknown-unknown --profile wasm-release
  # One name for every language, so that the glue (which names the module's imports) is the same.
  wasm-bindgen --target web --keep-debug --omit-default-module-path --out-dir "$glue/$lang" --out-name engine "$wasm"
  fast_strings "$glue/$lang/engine.js"
  if [ "$lang" = nl ]; then
    node_modules/.bin/wasm-opt "${size_opt[@]}" -g "$glue/$lang/engine_bg.wasm" -o "$kept/calculator-nl-named.wasm"
  fi
  node_modules/.bin/wasm-opt "${size_opt[@]}" --strip-debug --strip-producers --strip-target-features \
    "$glue/$lang/engine_bg.wasm" -o "pkg/calculator/engine-$lang.wasm"
done
calculator_js

opt=$(stat -c %s pkg/web/kmo_wasm_bg.wasm)
gz_wasm=$(gzip -9 -c pkg/web/kmo_wasm_bg.wasm | wc -c)
gz_inline=$(gzip -9 -c pkg/inline.js | wc -c)
gz_glue=$(cat pkg/web/kmo_wasm.js js/api.js web/gate.js browser/index.js | gzip -9 | wc -c)
gz_calc_wasm=$(gzip -9 -c pkg/calculator/engine-nl.wasm | wc -c)
gz_calc_js=$(( $(gzip -9 -c pkg/calculator/index.js | wc -c) + $(gzip -9 -c pkg/calculator/engine-nl.js | wc -c) ))
node_raw=$(stat -c %s "$wasm_speed")
node_opt=$(stat -c %s "$kept/node.wasm")
node_gz=$(gzip -9 -c "$kept/node.wasm" | wc -c)
cat > pkg/SIZE.md <<EOT
| what | bytes |
|---|---|
| browser wasm from cargo (wasm-release profile: opt-level "z") | $raw |
| browser wasm after wasm-bindgen and wasm-opt -Os | $opt |
| browser wasm, gzip -9 | $gz_wasm |
| wasm inlined for the default entry (gzip, base64), gzip -9 | $gz_inline |
| browser glue + API layer (JS), gzip -9 | $gz_glue |
| **total, gzip -9: kmo-portefeuille/web (separate .wasm)** | **$((gz_wasm + gz_glue))** |
| **total, gzip -9: kmo-portefeuille (wasm inlined)** | **$((gz_inline + gz_glue))** |
| calculator: one language's module (nl), gzip -9 | $gz_calc_wasm |
| calculator: script + glue, gzip -9 | $gz_calc_js |
| **total, gzip -9: kmo-portefeuille/calculator (one language)** | **$((gz_calc_wasm + gz_calc_js))** |
| Node.js wasm from cargo (opt-level 3) | $node_raw |
| Node.js wasm after wasm-bindgen and wasm-opt -O3 | $node_opt |
| Node.js wasm, gzip -9 (inlined in pkg/inline.cjs) | $node_gz |

What takes the bytes (functions as wasm-opt left them, by the crate and the kmo-core module
they come from; gzip -9 of each part alone, whose sum exceeds the whole):

$(node bench/wasm-size.mjs --markdown "$kept/web-named.wasm" "the browser module" "$kept/calculator-nl-named.wasm" "the calculator's Dutch engine")
EOT
stamp > pkg/.stamp
cat pkg/SIZE.md
