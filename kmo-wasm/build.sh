#!/usr/bin/env bash
# Builds the npm package in kmo-wasm/: the WebAssembly module (size profile), the wasm-bindgen
# glue for Node, browsers and bundlers, wasm-opt -Oz, and a size report (pkg/SIZE.md).
# Needs: the wasm32-unknown-unknown target, wasm-bindgen-cli of the pinned version, and
# `npm ci` in kmo-wasm/ (for binaryen's wasm-opt). scripts/setup-wasm installs them.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)
cargo build -q --locked -p kmo-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm="${CARGO_TARGET_DIR:-$root/target}/wasm32-unknown-unknown/wasm-release/kmo_wasm.wasm"
rm -rf pkg
for target in nodejs:node web:web bundler:bundler; do
  out="pkg/${target#*:}"
  wasm-bindgen --target "${target%%:*}" --weak-refs --out-dir "$out" "$wasm"
  node_modules/.bin/wasm-opt -Oz "$out/kmo_wasm_bg.wasm" -o "$out/kmo_wasm_bg.wasm"
  rm -f "$out/package.json" "$out/.gitignore"
done
# The Node glue is CommonJS inside an ESM package.
echo '{ "type": "commonjs" }' > pkg/node/package.json
raw=$(stat -c %s "$wasm")
opt=$(stat -c %s pkg/web/kmo_wasm_bg.wasm)
gz_wasm=$(gzip -9 -c pkg/web/kmo_wasm_bg.wasm | wc -c)
gz_glue=$(cat pkg/web/kmo_wasm.js js/api.js web/index.js | gzip -9 | wc -c)
cat > pkg/SIZE.md <<EOT
| what | bytes |
|---|---|
| wasm from cargo (wasm-release profile) | $raw |
| wasm after wasm-bindgen and wasm-opt -Oz | $opt |
| wasm, gzip -9 | $gz_wasm |
| browser glue + API layer (JS), gzip -9 | $gz_glue |
| **total, gzip -9** | **$((gz_wasm + gz_glue))** |
EOT
cat pkg/SIZE.md
