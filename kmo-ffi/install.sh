#!/usr/bin/env bash
# Installs libkmo (static and shared, with its soname), kmo.h and kmo.pc under a prefix.
# Usage: bash kmo-ffi/install.sh <prefix> [release|debug]   (builds the library first)
set -euo pipefail
prefix=${1:?usage: install.sh <prefix> [release|debug]}
profile=${2:-release}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
if [ -z "${KMO_NO_BUILD:-}" ]; then
  if [ "$profile" = release ]; then
    cargo build -q --locked --release -p kmo-ffi
  else
    cargo build -q --locked -p kmo-ffi
  fi
fi
target=${CARGO_TARGET_DIR:-$root/target}/$profile
version=$(sed -n 's/^#define KMO_VERSION_MAJOR \(.*\)/\1/p' "$here/include/kmo.h").$(sed -n 's/^#define KMO_VERSION_MINOR \(.*\)/\1/p' "$here/include/kmo.h").$(sed -n 's/^#define KMO_VERSION_PATCH \(.*\)/\1/p' "$here/include/kmo.h")
major=${version%%.*}
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include"
install -m 644 "$target/libkmo.a" "$prefix/lib/libkmo.a"
install -m 755 "$target/libkmo.so" "$prefix/lib/libkmo.so.$version"
ln -sf "libkmo.so.$version" "$prefix/lib/libkmo.so.$major"
ln -sf "libkmo.so.$major" "$prefix/lib/libkmo.so"
install -m 644 "$here/include/kmo.h" "$prefix/include/kmo.h"
# The system libraries a static link needs (what `rustc --print native-static-libs` reports
# for a std staticlib on Linux).
static_libs="-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" -e "s|@STATIC_LIBS@|$static_libs|" \
  "$here/kmo.pc.in" > "$prefix/lib/pkgconfig/kmo.pc"
echo "installed kmo $version under $prefix"
