#!/usr/bin/env bash
# libkmo as its users get it: installed by kmo-ffi/install.sh into a temporary prefix, staged
# with DESTDIR, then used from outside the repository by a C program built with pkg-config
# (shared, and static through Libs.private) and with CMake's find_package(kmo) (kmo::kmo and
# kmo::kmo_static). Each program is run and its answer checked; the static ones must not need
# libkmo.so. The invoice run (examples/c/invoices.c) is built both ways and must write the
# checked-in expected output for the sample invoices, byte for byte. Also: the install tree,
# the soname and its links, the exported symbols against the header, the CMake version rules,
# a staged /usr install (multiarch, no rpath), a fully static (-static) program, a non-system
# prefix at run time (kmo.pc's rpath; LD_LIBRARY_PATH with --no-rpath), the positional form
# and --uninstall.
#
# Usage: bash kmo-ffi/tests/consumer/run.sh      (KMO_PROFILE=debug for a debug library)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
install_sh=$root/kmo-ffi/install.sh
profile=${KMO_PROFILE:-release}
started=$(date +%s)

checks=0
ok() { checks=$((checks + 1)); echo "ok   $*"; }
fail() { echo "FAIL $*" >&2; exit 1; }
run() { # label command... : runs, shows the output on failure
  local out
  if ! out=$("${@:2}" 2>&1); then printf '%s\n' "$out" >&2; fail "$1"; fi
  printf '%s' "$out"
}

soname_of() { LC_ALL=C readelf -d "$1" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p'; }

# ---- tools ----------------------------------------------------------------------------------
missing=()
for tool in gcc:gcc pkg-config:pkgconf readelf:binutils nm:binutils cmake:cmake; do
  command -v "${tool%%:*}" > /dev/null 2>&1 || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || fail "missing ${missing[*]}: install them (apt-get install -y ${missing[*]})"
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${missing[@]}" > /dev/null
fi
echo "tools: $(gcc --version | head -n 1); pkg-config $(pkg-config --version); $(cmake --version | head -n 1)"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/kmo-consumer.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
C_FLAGS=(-std=c99 -Wall -Wextra -Werror -pedantic)
version=$(sed -n 's/^#define KMO_VERSION_STRING "\(.*\)"$/\1/p' "$root/kmo-ffi/include/kmo.h")
minor=$(sed -n 's/^#define KMO_VERSION_MINOR \(.*\)$/\1/p' "$root/kmo-ffi/include/kmo.h")
major=${version%%.*}
if [ "$major" = 0 ]; then soname=libkmo.so.0.$minor; else soname=libkmo.so.$major; fi

# ---- a staged install writes nothing outside DESTDIR ----------------------------------------
prefix=$tmp/prefix # never created: the install is staged
stage=$tmp/stage
git_before=$(git -C "$root" status --porcelain 2>/dev/null || true)
run "install.sh with DESTDIR" env "DESTDIR=$stage" bash "$install_sh" --prefix "$prefix" --profile "$profile"
echo
[ ! -e "$prefix" ] || fail "the staged install wrote into the prefix $prefix"
outside=$(cd "$tmp" && find . -mindepth 1 -not -path './stage' -not -path './stage/*')
[ -z "$outside" ] || fail "the staged install wrote outside DESTDIR: $outside"
stray=$(find "$stage" \( -type f -o -type l \) -not -path "$stage$prefix/*")
[ -z "$stray" ] || fail "files in DESTDIR outside DESTDIR/PREFIX: $stray"
[ "$git_before" = "$(git -C "$root" status --porcelain 2>/dev/null || true)" ] ||
  fail "the install changed files of the repository"
ok "DESTDIR install: everything under DESTDIR$prefix, nothing in $prefix, the repository unchanged"

echo "install tree (DESTDIR=$stage):"
(cd "$stage$prefix" && find . | LC_ALL=C sort | sed "s|^\.|  $prefix|")

manifest=$stage$prefix/share/kmo/install-manifest.txt
[ -f "$manifest" ] || fail "no install manifest"
libdir=$(sed -n 's|/libkmo\.a$||p' "$manifest")
[ -n "$libdir" ] || fail "no libkmo.a in the manifest"
lib=$stage$libdir
for path in $(cat "$manifest"); do
  [ -e "$stage$path" ] || [ -L "$stage$path" ] || fail "the manifest lists $path, which is not installed"
done
[ "$(cd "$stage$prefix" && find . -type f -o -type l | wc -l)" = "$(wc -l < "$manifest")" ] ||
  fail "installed files and the manifest differ"
ok "the manifest lists the $(wc -l < "$manifest") installed files"

# ---- the installed files --------------------------------------------------------------------
cmp -s "$root/kmo-ffi/include/kmo.h" "$stage$prefix/include/kmo.h" || fail "kmo.h differs from the repository's"
[ "$(readlink "$lib/libkmo.so")" = "$soname" ] || fail "libkmo.so -> $(readlink "$lib/libkmo.so")"
[ "$(readlink "$lib/$soname")" = "libkmo.so.$version" ] || fail "$soname -> $(readlink "$lib/$soname")"
[ -f "$lib/libkmo.so.$version" ] && [ ! -L "$lib/libkmo.so.$version" ] || fail "no libkmo.so.$version"
[ "$(soname_of "$lib/libkmo.so.$version")" = "$soname" ] || fail "soname is $(soname_of "$lib/libkmo.so.$version"), not $soname"
ok "libkmo.so -> $soname (the soname) -> libkmo.so.$version, libkmo.a, kmo.h as in the repository"

exported=$(nm -D --defined-only "$lib/libkmo.so.$version" | awk '$2 == "T" {print $3}' | LC_ALL=C sort)
declared=$(awk '/^KMO_API$/ {getline; print; next} /^KMO_API / {print}' "$stage$prefix/include/kmo.h" |
  grep -o 'kmo_[a-z0-9_]*(' | tr -d '(' | LC_ALL=C sort -u)
[ -n "$declared" ] && [ "$exported" = "$declared" ] ||
  fail "exported symbols differ from the header's declarations: $(diff <(echo "$exported") <(echo "$declared"))"
ok "the shared library exports exactly the $(echo "$declared" | wc -l) functions the header declares (each with KMO_API)"

# What rustc says a static link needs, from an empty static library of the same toolchain,
# less -lgcc_s (the compiler driver links the unwinder: libgcc_s.so dynamically, libgcc_eh.a
# with -static; -lgcc_s has no static library).
echo > "$tmp/probe.rs"
rustc_native=$(rustc --crate-type staticlib --crate-name probe --print native-static-libs -o "$tmp/libprobe.a" "$tmp/probe.rs" 2>&1 |
  sed -n 's/^note: native-static-libs: //p')
rm -f "$tmp/probe.rs" "$tmp/libprobe.a"
native=$(printf '%s\n' $rustc_native | { grep -vx -- '-lgcc_s' || true; } | paste -sd ' ' -)
for pc in kmo kmo-static; do
  grep -qx "Libs.private: $native" "$lib/pkgconfig/$pc.pc" || fail "$pc.pc: Libs.private is not '$native'"
  grep -qx "Version: $version" "$lib/pkgconfig/$pc.pc" || fail "$pc.pc: version"
done
grep -qx 'Libs: -L${libdir} -lkmo -Wl,-rpath,${libdir}' "$lib/pkgconfig/kmo.pc" || fail "kmo.pc: no rpath for $prefix"
ok "kmo.pc and kmo-static.pc: version $version, Libs.private '$native' (rustc's '$rustc_native' without -lgcc_s); kmo.pc's Libs carry the rpath of a non-system prefix"

# ---- consumers: outside the repository, against the staged prefix ---------------------------
app=$tmp/app
mkdir -p "$app"
cp "$root/examples/c/quote.c" "$root/examples/c/invoices.c" "$root/examples/c/invoices.csv" \
  "$root/examples/c/invoices.expected.csv" "$app/"
check_invoices() { # label output
  [ "$2" = "$(cat "$app/invoices.expected.csv")" ] ||
    fail "$1: the invoice run differs from invoices.expected.csv: $(diff <(printf '%s\n' "$2") "$app/invoices.expected.csv")"
}
check_quote() { # label output
  local label=$1 text=$2 line
  for expected in "aid through the kmo-portefeuille:300.00" "own share paid into the wallet:1700.00" \
    "VAT paid directly:420.00"; do
    line=$(printf '%s\n' "$text" | grep -F "${expected%%:*}") || fail "$label: no '${expected%%:*}' in: $text"
    case "$line" in *" ${expected##*:}") ;; *) fail "$label: $line (expected ${expected##*:})" ;; esac
  done
}
needed() { LC_ALL=C readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' '; }

# pkg-config reads the staged .pc files; the sysroot puts DESTDIR before their -I and -L paths.
export PKG_CONFIG_PATH=$lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$stage
unset PKG_CONFIG_LIBDIR

shared_flags=$(pkg-config --cflags --libs kmo)
run "pkg-config shared build" gcc "${C_FLAGS[@]}" "$app/quote.c" $shared_flags -o "$app/quote-shared" > /dev/null
case " $(needed "$app/quote-shared")" in *" $soname "*) ;; *) fail "quote-shared does not need $soname: $(needed "$app/quote-shared")" ;; esac
out=$(run "quote-shared" env "LD_LIBRARY_PATH=$lib" "$app/quote-shared")
check_quote "pkg-config shared" "$out"
run "pkg-config shared invoices build" gcc "${C_FLAGS[@]}" "$app/invoices.c" $shared_flags -o "$app/invoices-shared" > /dev/null
check_invoices "pkg-config shared" "$(run "invoices-shared" env "LD_LIBRARY_PATH=$lib" "$app/invoices-shared" "$app/invoices.csv")"
ok "pkg-config shared: cc quote.c $shared_flags -> NEEDED $soname; runs, aid 300.00 / own share 1700.00 / VAT 420.00; the invoice run writes the expected output"

static_flags=$(pkg-config --static --cflags --libs kmo-static)
case "$static_flags" in *"$native"*) ;; *) fail "pkg-config --static kmo-static lacks Libs.private: $static_flags" ;; esac
run "pkg-config static build" gcc "${C_FLAGS[@]}" "$app/quote.c" $static_flags -o "$app/quote-static" > /dev/null
case "$(needed "$app/quote-static")" in *libkmo*) fail "quote-static needs $(needed "$app/quote-static")" ;; esac
[[ $'\n'$(nm "$app/quote-static")$'\n' == *" T kmo_quote"$'\n'* ]] || fail "kmo_quote is not linked into quote-static"
out=$(run "quote-static" env -u LD_LIBRARY_PATH "$app/quote-static")
check_quote "pkg-config static" "$out"
ok "pkg-config static: cc quote.c $static_flags -> no libkmo NEEDED ($(needed "$app/quote-static")), kmo_quote inside; runs"
# A fully static program: -static, with Libs.private (no -lgcc_s), through kmo-static and kmo.
for pc in kmo-static kmo; do
  full_flags=$(pkg-config --static --cflags --libs $pc)
  run "fully static build ($pc)" gcc -static "${C_FLAGS[@]}" "$app/quote.c" $full_flags -o "$app/quote-full-$pc" > /dev/null
  LC_ALL=C readelf -d "$app/quote-full-$pc" 2>&1 | grep -q "There is no dynamic section" ||
    fail "quote-full-$pc is not fully static: $(needed "$app/quote-full-$pc")"
  check_quote "fully static ($pc)" "$(run "quote-full-$pc" env -u LD_LIBRARY_PATH "$app/quote-full-$pc")"
done
run "fully static invoice run" gcc -static "${C_FLAGS[@]}" "$app/invoices.c" $full_flags -o "$app/invoices-full" > /dev/null
check_invoices "fully static" "$(run "invoices-full" env -u LD_LIBRARY_PATH "$app/invoices-full" "$app/invoices.csv")"
ok "fully static: cc -static quote.c \$(pkg-config --static --cflags --libs kmo-static) (and kmo) -> no dynamic section; runs; the invoice run writes the expected output"
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

cmake_app=$tmp/cmake-app
mkdir -p "$cmake_app"
cp "$here/CMakeLists.txt" "$root/examples/c/quote.c" "$root/examples/c/invoices.c" "$cmake_app/"
configure=$(run "cmake configure" cmake -S "$cmake_app" -B "$cmake_app/build" -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_PREFIX_PATH=$stage$prefix")
[[ $configure == *"kmo $version from $stage$libdir/cmake/kmo"* ]] ||
  fail "find_package(kmo) did not find the staged package: $configure"
run "cmake build" cmake --build "$cmake_app/build" > /dev/null
case " $(needed "$cmake_app/build/quote_shared")" in *" $soname "*) ;; *) fail "quote_shared needs $(needed "$cmake_app/build/quote_shared")" ;; esac
out=$(run "cmake quote_shared" env -u LD_LIBRARY_PATH "$cmake_app/build/quote_shared")
check_quote "cmake kmo::kmo" "$out"
case "$(needed "$cmake_app/build/quote_static")" in *libkmo*) fail "quote_static needs $(needed "$cmake_app/build/quote_static")" ;; esac
out=$(run "cmake quote_static" env -u LD_LIBRARY_PATH "$cmake_app/build/quote_static")
check_quote "cmake kmo::kmo_static" "$out"
case "$(needed "$cmake_app/build/invoices")" in *libkmo*) fail "invoices needs $(needed "$cmake_app/build/invoices")" ;; esac
check_invoices "cmake invoices" "$(run "cmake invoices" env -u LD_LIBRARY_PATH "$cmake_app/build/invoices" "$app/invoices.csv")"
ok "CMake find_package(kmo 0.1): kmo::kmo (NEEDED $soname, runs through CMake's rpath) and kmo::kmo_static (no libkmo NEEDED), both run; the static invoice run writes the expected output"

# Which requested versions the package accepts (0.x: the same minor line, at least as new).
if [ "$major" = 0 ]; then
  accepted=("0.$minor" "$version" "0.$minor...0.$((minor + 5))" "0...<1")
  refused=("0.$((minor + 1))" "1.0" "$major.$minor.$((${version##*.} + 1))" "0.$((minor + 1))...0.$((minor + 5))")
  [ "$minor" = 0 ] || refused+=("0.$((minor - 1))")
else
  accepted=("$major" "$version")
  refused=("$((major + 1))" "$((major - 1))")
fi
find_version() { # wanted: configures, leaves the output in $tmp/find-version.log
  local status=0
  cmake -S "$here/find-version" -B "$tmp/find-version" "-DKMO_WANTED=$1" "-DCMAKE_PREFIX_PATH=$stage$prefix" \
    > "$tmp/find-version.log" 2>&1 || status=$?
  rm -rf "$tmp/find-version"
  return $status
}
for wanted in "${accepted[@]}"; do
  find_version "$wanted" || { cat "$tmp/find-version.log" >&2; fail "find_package(kmo $wanted) refused $version"; }
done
for wanted in "${refused[@]}"; do
  ! find_version "$wanted" || fail "find_package(kmo $wanted) accepted $version"
  # Refused for its version, not for another reason.
  [[ $(tr -s ' \n' ' ' < "$tmp/find-version.log") == *"compatible with requested version"*"$version"* ]] ||
    { cat "$tmp/find-version.log" >&2; fail "find_package(kmo $wanted) failed, but not over the version"; }
done
ok "kmoConfigVersion.cmake: $version meets ${accepted[*]}; not ${refused[*]}"

# ---- a staged /usr install: the system's library directory, nothing written to /usr ----------
usr_stage=$tmp/stage-usr
touched_before=$(ls -d /usr/include/kmo.h /usr/lib*/libkmo* /usr/lib/*/libkmo* /usr/lib*/cmake/kmo /usr/lib/*/cmake/kmo 2>/dev/null || true)
run "install.sh --prefix /usr with DESTDIR" env "DESTDIR=$usr_stage" bash "$install_sh" --prefix /usr --profile "$profile" > /dev/null
usr_libdir=$(sed -n 's|/libkmo\.a$||p' "$usr_stage/usr/share/kmo/install-manifest.txt")
if [ -e /etc/debian_version ] && multiarch=$(gcc -print-multiarch 2>/dev/null) && [ -n "$multiarch" ]; then
  [ "$usr_libdir" = "/usr/lib/$multiarch" ] || fail "/usr install: library directory $usr_libdir, not /usr/lib/$multiarch"
fi
grep -qx "libdir=\${prefix}${usr_libdir#/usr}" "$usr_stage$usr_libdir/pkgconfig/kmo.pc" || fail "/usr install: kmo.pc libdir"
grep -qx 'Libs: -L${libdir} -lkmo' "$usr_stage$usr_libdir/pkgconfig/kmo.pc" || fail "/usr install: kmo.pc must carry no rpath"
[ "$touched_before" = "$(ls -d /usr/include/kmo.h /usr/lib*/libkmo* /usr/lib/*/libkmo* /usr/lib*/cmake/kmo /usr/lib/*/cmake/kmo 2>/dev/null || true)" ] ||
  fail "the staged /usr install wrote into /usr"
cmake -S "$here/find-version" -B "$tmp/find-usr" "-DKMO_WANTED=$version" -DKMO_LANGUAGES=C \
  "-DCMAKE_PREFIX_PATH=$usr_stage/usr" > "$tmp/find-usr.log" 2>&1 || { cat "$tmp/find-usr.log" >&2; fail "find_package in the /usr stage"; }
grep -q "found kmo $version in $usr_stage$usr_libdir/cmake/kmo" "$tmp/find-usr.log" || fail "find_package(kmo) in the /usr stage: $(cat "$tmp/find-usr.log")"
ok "DESTDIR install for /usr: $usr_libdir (the system's library directory), found there by CMake; /usr untouched"

# ---- chosen directories -----------------------------------------------------------------------
custom_stage=$tmp/stage-custom custom=$tmp/custom
run "install.sh --libdir --includedir" env "DESTDIR=$custom_stage" bash "$install_sh" --prefix "$custom" \
  --libdir lib64 --includedir include/kmo --profile "$profile" > /dev/null
[ -f "$custom_stage$custom/lib64/libkmo.a" ] && [ -f "$custom_stage$custom/include/kmo/kmo.h" ] ||
  fail "--libdir lib64 --includedir include/kmo: $(cd "$custom_stage" && find . -type f)"
custom_flags=$(PKG_CONFIG_PATH=$custom_stage$custom/lib64/pkgconfig PKG_CONFIG_SYSROOT_DIR=$custom_stage pkg-config --cflags --libs kmo)
run "pkg-config build with chosen directories" gcc "${C_FLAGS[@]}" "$app/quote.c" $custom_flags -o "$app/quote-custom" > /dev/null
check_quote "chosen directories" "$(run "quote-custom" env "LD_LIBRARY_PATH=$custom_stage$custom/lib64" "$app/quote-custom")"
find_custom=$(run "find_package with chosen directories" cmake -S "$here/find-version" -B "$tmp/find-custom" \
  "-DKMO_WANTED=$version" "-Dkmo_DIR=$custom_stage$custom/lib64/cmake/kmo")
[[ $find_custom == *"found kmo $version in $custom_stage$custom/lib64/cmake/kmo"* ]] || fail "find_package: $find_custom"
ok "--libdir lib64 --includedir include/kmo: pkg-config and the CMake package (kmo_DIR) follow them"

# ---- the positional form, and uninstall ------------------------------------------------------
plain=$tmp/plain
if [ "$profile" = release ]; then
  run "install.sh PREFIX" bash "$install_sh" "$plain" > /dev/null
else
  run "install.sh PREFIX debug" bash "$install_sh" "$plain" "$profile" > /dev/null
fi
[ -f "$plain/include/kmo.h" ] && [ -n "$(ls "$plain"/lib*/libkmo.a "$plain"/lib/*/libkmo.a 2>/dev/null)" ] ||
  fail "install.sh PREFIX installed nothing under $plain"
ok "bash kmo-ffi/install.sh PREFIX still installs (no DESTDIR)"

# ---- a non-system prefix at run time: the rpath of kmo.pc, or LD_LIBRARY_PATH -----------------
plain_pc=$(dirname "$(ls "$plain"/lib*/pkgconfig/kmo.pc "$plain"/lib/*/pkgconfig/kmo.pc 2>/dev/null | head -n 1)")
plain_lib=$(dirname "$plain_pc")
plain_flags=$(PKG_CONFIG_PATH=$plain_pc pkg-config --cflags --libs kmo)
run "pkg-config build against $plain" gcc "${C_FLAGS[@]}" "$app/quote.c" $plain_flags -o "$app/quote-plain" > /dev/null
LC_ALL=C readelf -d "$app/quote-plain" | grep -Eq "(RUNPATH|RPATH).*\[$plain_lib\]" ||
  fail "quote-plain has no run path $plain_lib: $(LC_ALL=C readelf -d "$app/quote-plain" | grep -E 'RUNPATH|RPATH')"
check_quote "non-system prefix, rpath" "$(run "quote-plain" env -u LD_LIBRARY_PATH "$app/quote-plain")"
ok "a non-system prefix: cc quote.c $plain_flags runs with no LD_LIBRARY_PATH and no ldconfig (RUNPATH $plain_lib)"
norpath=$tmp/norpath
run "install.sh --no-rpath" bash "$install_sh" --prefix "$norpath" --no-rpath --profile "$profile" > /dev/null
norpath_lib=$(dirname "$(ls "$norpath"/lib*/libkmo.a "$norpath"/lib/*/libkmo.a 2>/dev/null | head -n 1)")
norpath_flags=$(PKG_CONFIG_PATH=$norpath_lib/pkgconfig pkg-config --cflags --libs kmo)
run "pkg-config build --no-rpath" gcc "${C_FLAGS[@]}" "$app/quote.c" $norpath_flags -o "$app/quote-norpath" > /dev/null
! env -u LD_LIBRARY_PATH "$app/quote-norpath" > /dev/null 2>&1 || fail "quote-norpath ran without its library directory"
check_quote "non-system prefix, LD_LIBRARY_PATH" "$(run "quote-norpath" env "LD_LIBRARY_PATH=$norpath_lib" "$app/quote-norpath")"
ok "--no-rpath: the program needs LD_LIBRARY_PATH=$norpath_lib (or ldconfig), and runs with it"

for target in "$stage:$prefix" ":$plain" "$usr_stage:/usr" "$custom_stage:$custom" ":$norpath"; do
  run "uninstall ${target##*:}" env "DESTDIR=${target%%:*}" bash "$install_sh" --uninstall --prefix "${target##*:}" > /dev/null
  left=$(find "${target%%:*}${target##*:}" \( -type f -o -type l \) 2>/dev/null)
  [ -z "$left" ] || fail "uninstall left: $left"
done
ok "--uninstall removes every installed file (five installs)"

elapsed=$(($(date +%s) - started))
echo
echo "consumer tests: $checks checks passed"
# The closing tally of scripts/test-all counts lines in cargo's format.
echo "test result: ok. $checks passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in ${elapsed}s"
