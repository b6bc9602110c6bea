#!/usr/bin/env bash
# Builds libkmo and installs it like a system library: the header, the static library, the
# shared library with its soname and links, pkg-config files (kmo, kmo-static), a CMake package
# (find_package(kmo): kmo::kmo, kmo::kmo_static) and an install manifest for --uninstall.
#
# Usage:
#   bash kmo-ffi/install.sh PREFIX [release|debug]
#   bash kmo-ffi/install.sh --prefix PREFIX [--libdir DIR] [--includedir DIR] [--profile release|debug]
#                           [--rpath | --no-rpath]
#   bash kmo-ffi/install.sh --uninstall --prefix PREFIX
#
#   --libdir, --includedir   relative to PREFIX, or absolute. The library directory defaults to
#                            the system's convention (as CMake's GNUInstallDirs): lib/<multiarch>
#                            for /usr on Debian and its derivatives, lib64 on other 64-bit Linux
#                            systems, lib otherwise.
#   --rpath, --no-rpath      whether kmo.pc's Libs carry -Wl,-rpath,LIBDIR, so that a program
#                            built with pkg-config finds libkmo.so at run time without
#                            LD_LIBRARY_PATH or ldconfig. Default: yes, unless PREFIX is /usr
#                            (a system library directory, where packages use no rpath).
#   DESTDIR=/stage           a staged install: files go under /stage/PREFIX, while the
#                            pkg-config and CMake files still name PREFIX.
#   CARGO_TARGET_DIR         honoured, as by cargo.
set -euo pipefail

die() { echo "install.sh: $*" >&2; exit 1; }
usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

prefix="" libdir="" includedir="" profile=release uninstall="" rpath=""
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=${2:?--prefix needs a directory}; shift 2 ;;
    --prefix=*) prefix=${1#*=}; shift ;;
    --libdir) libdir=${2:?--libdir needs a directory}; shift 2 ;;
    --libdir=*) libdir=${1#*=}; shift ;;
    --includedir) includedir=${2:?--includedir needs a directory}; shift 2 ;;
    --includedir=*) includedir=${1#*=}; shift ;;
    --profile) profile=${2:?--profile needs release or debug}; shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    --uninstall) uninstall=1; shift ;;
    --rpath) rpath=yes; shift ;;
    --no-rpath) rpath=no; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) positional+=("$1"); shift ;;
  esac
done
case ${#positional[@]} in
  0) ;;
  1 | 2)
    [ -z "$prefix" ] || die "give the prefix once (PREFIX or --prefix)"
    prefix=${positional[0]}
    [ ${#positional[@]} -eq 1 ] || profile=${positional[1]} ;;
  *) die "too many arguments (see --help)" ;;
esac
[ -n "$prefix" ] || { usage >&2; exit 2; }
case "$profile" in release | debug) ;; *) die "profile must be release or debug, not '$profile'" ;; esac

# Absolute paths, resolved before leaving the caller's directory.
absolute() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
prefix=$(absolute "$prefix")
[ "$prefix" = / ] || prefix=${prefix%/}
destdir=${DESTDIR:-}
[ -z "$destdir" ] || destdir=$(absolute "$destdir")
destdir=${destdir%/}
under_prefix() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "${prefix%/}" "$1" ;; esac; }
datadir=$(under_prefix share)
manifest_path=$datadir/kmo/install-manifest.txt

# ---- uninstall ------------------------------------------------------------------------------
if [ -n "$uninstall" ]; then
  manifest=$destdir$manifest_path
  [ -f "$manifest" ] || die "no install manifest at $manifest"
  removed=0
  dirs=()
  while IFS= read -r path; do
    case "$path" in /*) ;; *) die "not an absolute path in the manifest: $path" ;; esac
    # Only what this script installs, whatever the manifest says.
    case "${path##*/}" in
      kmo.h | libkmo.a | libkmo.so | libkmo.so.* | kmo.pc | kmo-static.pc | kmoConfig.cmake | \
        kmoConfigVersion.cmake | install-manifest.txt) ;;
      *) die "not a file of libkmo in the manifest: $path" ;;
    esac
    if [ -e "$destdir$path" ] || [ -L "$destdir$path" ]; then
      rm -f -- "$destdir$path"
      removed=$((removed + 1))
    fi
    dirs+=("${path%/*}")
  done < "$manifest"
  # The directories only libkmo uses (.../cmake/kmo, .../share/kmo), when left empty.
  for dir in "${dirs[@]}"; do
    [ "${dir##*/}" = kmo ] && rmdir -- "$destdir$dir" 2>/dev/null || true
  done
  echo "uninstalled kmo from ${destdir}$prefix ($removed files)"
  exit 0
fi

# ---- build ----------------------------------------------------------------------------------
case "$(uname -s)" in
  Linux | GNU | *BSD | DragonFly) ;;
  *) die "installs ELF shared libraries (Linux, BSD); on $(uname -s) use target/release/libkmo.* and kmo-ffi/include/kmo.h directly" ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
build=(--locked -p kmo-ffi --lib)
[ "$profile" = debug ] || build+=(--release)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One build of all the library's crate types, its progress shown as cargo reports it (a first
# release build takes a minute or more); rustc reports the system libraries the static library
# needs (cargo replays the note when nothing is rebuilt).
echo "install.sh: building libkmo ($profile) with cargo..."
started=$(date +%s)
if ! cargo rustc "${build[@]}" -- --print native-static-libs 2>&1 | tee "$log" |
  sed -u -e '/^note: /d' -e '/^ *$/d' -e 's/^/  /'; then
  die "building libkmo failed (the output is above)"
fi
echo "install.sh: built in $(($(date +%s) - started)) s"
rustc_native_libs=$(sed -n 's/^note: native-static-libs: //p' "$log" | tail -n 1)
[ -n "$rustc_native_libs" ] || { cat "$log" >&2; die "rustc did not report native-static-libs"; }
# What a static link needs besides libkmo.a: rustc's list without -lgcc_s. The compiler driver
# links the unwinder itself — libgcc_s.so in a dynamic link, libgcc_eh.a with -static — and
# -lgcc_s has no static library, so naming it breaks a fully static (-static) link.
native_static_libs=$(printf '%s\n' $rustc_native_libs | { grep -vx -- '-lgcc_s' || true; } | paste -sd ' ' -)
target_dir=${CARGO_TARGET_DIR:-$(cargo metadata --locked --no-deps --format-version 1 |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')}
built=$(absolute "${target_dir:-$root/target}")/$profile
[ -f "$built/libkmo.a" ] && [ -f "$built/libkmo.so" ] || die "no libkmo.a and libkmo.so in $built"

header=$here/include/kmo.h
version=$(sed -n 's/^#define KMO_VERSION_STRING "\(.*\)"$/\1/p' "$header")
major=$(sed -n 's/^#define KMO_VERSION_MAJOR \(.*\)$/\1/p' "$header")
minor=$(sed -n 's/^#define KMO_VERSION_MINOR \(.*\)$/\1/p' "$header")
[ -n "$version" ] && [ -n "$major" ] && [ -n "$minor" ] || die "no version in $header"
# The release line: 0.x while the major version is 0 (each minor may break), else the major.
if [ "$major" = 0 ]; then line=0.$minor; else line=$major; fi
# The soname the build gave the library (it changes with every breaking release).
soname=""
if command -v readelf > /dev/null 2>&1; then
  soname=$(LC_ALL=C readelf -d "$built/libkmo.so" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
elif command -v objdump > /dev/null 2>&1; then
  soname=$(LC_ALL=C objdump -p "$built/libkmo.so" | sed -n 's/^ *SONAME *//p')
fi
soname=${soname:-libkmo.so.$line}
real=libkmo.so.$version
[ "$soname" != "$real" ] || die "the soname $soname must differ from the file name $real"

# ---- layout ---------------------------------------------------------------------------------
default_libdir() {
  case "$(uname -s)" in Linux | GNU) ;; *) echo lib; return ;; esac
  if [ -e /etc/alpine-release ] || [ -e /etc/arch-release ]; then echo lib; return; fi
  if [ -e /etc/debian_version ]; then
    local multiarch=""
    if [ "$prefix" = /usr ]; then
      multiarch=$({ "${CC:-cc}" -print-multiarch || dpkg-architecture -qDEB_HOST_MULTIARCH; } 2>/dev/null || true)
    fi
    if [ -n "$multiarch" ]; then echo "lib/$multiarch"; else echo lib; fi
    return
  fi
  if [ "$(getconf LONG_BIT 2>/dev/null)" = 64 ]; then echo lib64; else echo lib; fi
}
libdir=$(under_prefix "${libdir:-$(default_libdir)}")
# An rpath for a prefix outside the system's library directories (see --rpath).
if [ -z "$rpath" ]; then
  case "$prefix" in /usr | /) rpath=no ;; *) rpath=yes ;; esac
fi
includedir=$(under_prefix "${includedir:-include}")
pkgconfigdir=$libdir/pkgconfig
cmakedir=$libdir/cmake/kmo

# How the installed files name a directory: relative to the prefix where possible.
relative_to_prefix() {
  case "$1" in
    "$prefix") printf '' ;;
    "$prefix"/*) printf '%s' "${1#"$prefix"/}" ;;
    *) return 1 ;;
  esac
}
pc_path() { local rel; if rel=$(relative_to_prefix "$1"); then printf '${prefix}%s' "${rel:+/$rel}"; else printf '%s' "$1"; fi; }
cmake_path() { local rel; if rel=$(relative_to_prefix "$1"); then printf '${_kmo_prefix}%s' "${rel:+/$rel}"; else printf '%s' "$1"; fi; }
# The CMake package finds the prefix from its own directory when it lies inside the prefix
# (so a staged or moved tree works), else it names the prefix.
if rel=$(relative_to_prefix "$cmakedir"); then
  cmake_prefix='${CMAKE_CURRENT_LIST_DIR}/'$(printf '%s\n' "$rel" | sed 's|[^/][^/]*|..|g')
else
  cmake_prefix=$prefix
fi
rpath_flag=""
[ "$rpath" = no ] || rpath_flag=' -Wl,-rpath,${libdir}'
cmake_native_static_libs=$(printf '%s\n' $native_static_libs | sed 's/^-l//' | paste -sd ';' -)
pointer_bits=$(rustc --print cfg | sed -n 's/^target_pointer_width="\(.*\)"$/\1/p')

fill() { # template output
  sed -e "s|@PREFIX@|$prefix|g" -e "s|@VERSION@|$version|g" -e "s|@VERSION_MAJOR@|$major|g" \
    -e "s|@LINE@|$line|g" -e "s|@LIBDIR@|$(pc_path "$libdir")|g" \
    -e "s|@INCLUDEDIR@|$(pc_path "$includedir")|g" \
    -e "s|@NATIVE_STATIC_LIBS@|$native_static_libs|g" -e "s|@RPATH@|$rpath_flag|g" \
    -e "s|@CMAKE_PREFIX@|$cmake_prefix|g" -e "s|@CMAKE_LIBDIR@|$(cmake_path "$libdir")|g" \
    -e "s|@CMAKE_INCLUDEDIR@|$(cmake_path "$includedir")|g" -e "s|@SHARED_FILE@|$real|g" \
    -e "s|@SONAME@|$soname|g" -e "s|@CMAKE_NATIVE_STATIC_LIBS@|$cmake_native_static_libs|g" \
    -e "s|@POINTER_BITS@|$pointer_bits|g" -e "s|@POINTER_BYTES@|$((pointer_bits / 8))|g" "$1" > "$2"
  if grep -q '@[A-Z_]*@' "$2"; then die "unfilled placeholder in $2"; fi
}

# ---- install --------------------------------------------------------------------------------
installed=()
put() { # mode source destination (destination without DESTDIR)
  install -m "$1" "$2" "$destdir$3"
  installed+=("$3")
}
link() { # target name (name without DESTDIR)
  ln -sfn "$1" "$destdir$2"
  installed+=("$2")
}
mkdir -p "$destdir$includedir" "$destdir$libdir" "$destdir$pkgconfigdir" "$destdir$cmakedir" \
  "$destdir$datadir/kmo"
work=$(mktemp -d)
trap 'rm -f "$log"; rm -rf "$work"' EXIT

put 644 "$header" "$includedir/kmo.h"
put 644 "$built/libkmo.a" "$libdir/libkmo.a"
put 755 "$built/libkmo.so" "$libdir/$real"
link "$real" "$libdir/$soname"
link "$soname" "$libdir/libkmo.so"
for pc in kmo kmo-static; do
  fill "$here/$pc.pc.in" "$work/$pc.pc"
  put 644 "$work/$pc.pc" "$pkgconfigdir/$pc.pc"
done
for config in kmoConfig kmoConfigVersion; do
  fill "$here/cmake/$config.cmake.in" "$work/$config.cmake"
  put 644 "$work/$config.cmake" "$cmakedir/$config.cmake"
done

# The manifest: what --uninstall removes (an earlier install's files that are still there too).
manifest=$destdir$manifest_path
{
  printf '%s\n' "${installed[@]}" "$manifest_path"
  if [ -f "$manifest" ]; then
    while IFS= read -r path; do
      if [ -e "$destdir$path" ] || [ -L "$destdir$path" ]; then printf '%s\n' "$path"; fi
    done < "$manifest"
  fi
} | LC_ALL=C sort -u > "$work/manifest"
install -m 644 "$work/manifest" "$manifest"

echo "installed kmo $version under ${destdir}$prefix"
echo "  library    $libdir/$real (soname $soname), libkmo.a"
echo "  header     $includedir/kmo.h"
echo "  pkg-config $pkgconfigdir/kmo.pc, kmo-static.pc (Libs.private: $native_static_libs)"
if [ "$rpath" = yes ]; then
  echo "  rpath      programs built with pkg-config find libkmo.so in $libdir (kmo.pc: -Wl,-rpath)"
else
  echo "  run time   $libdir must be known to the dynamic loader (ldconfig, or LD_LIBRARY_PATH)"
fi
echo "  CMake      $cmakedir (find_package(kmo): kmo::kmo, kmo::kmo_static)"
echo "  manifest   $manifest_path (uninstall: bash kmo-ffi/install.sh --uninstall --prefix $prefix)"
