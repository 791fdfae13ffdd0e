#!/usr/bin/env bash
# A CPython 3.11 for old glibc: compiled by Zig's C compiler against glibc 2.28's symbols.
#
#   packaging/linux/build_cpython.sh ZIG TARGET SOURCES WORK PREFIX [BUILD_PYTHON]
#
# ZIG: the zig executable (PyPI's ziglang wheel); TARGET: x86_64-linux-gnu.2.28 or
# aarch64-linux-gnu.2.28; SOURCES: a folder with Debian's source tarballs of python3.11, zlib
# and libffi (apt-get source --download-only); WORK: a build folder (made anew); PREFIX: where
# the interpreter is installed (lib/libpython3.11.so.1.0, bin/python3.11). BUILD_PYTHON: for a
# cross build (aarch64 on amd64), a Python 3.11 that runs here (the amd64 one).
#
# zlib and libffi are built static and linked in; modules Fanwen does not use and that would need
# other libraries are left out (ssl, hashlib's OpenSSL, bz2, lzma, uuid, sqlite3, readline...).
# Zig's clang sees no host header or library: CPython's setup.py is kept from adding /usr/local
# and the multiarch folders, and pkg-config is disabled. Two link commands are adapted to Zig's
# linker (-Wl,-soname; libpython3.so is given an object of its own).
set -euo pipefail
zig=$(readlink -f "$1"); target=$2; sources=$(readlink -f "$3"); work=$4; prefix=$5
build_python=${6:-}
# DESTDIR (environment): install the interpreter under it (a chroot); the static zlib and libffi
# must not go there, so it is taken out of the environment until the last step
destdir=${DESTDIR:-}
unset DESTDIR
rm -rf "$work"
mkdir -p "$work/bin" "$work/deps"
work=$(readlink -f "$work")
deps=$work/deps
jobs=$(nproc)
case $target in
  x86_64-*) host=x86_64-linux-gnu ;;
  aarch64-*) host=aarch64-linux-gnu ;;
  *) echo "build_cpython: unknown target $target" >&2; exit 1 ;;
esac

# Compiler wrappers (configure scripts want one word per tool)
printf '#!/bin/sh\nexec "%s" cc -target %s -Wno-error=date-time "$@"\n' "$zig" "$target" > "$work/bin/cc"
# libffi's assembly files: Zig's clang rejects a glibc version in the triple there; a static
# library's objects carry no symbol versions anyway (CPython's final link gives them)
printf '#!/bin/sh\nexec "%s" cc -target %s "$@"\n' "$zig" "${target%.2.*}" > "$work/bin/cc-any-glibc"
printf '#!/bin/sh\nexec "%s" ar "$@"\n' "$zig" > "$work/bin/ar"
printf '#!/bin/sh\nexec "%s" ranlib "$@"\n' "$zig" > "$work/bin/ranlib"
chmod +x "$work/bin/"*
# CXX=no: no C++ is needed, and Zig would first compile libc++ for a configure check (minutes)
export CC=$work/bin/cc CXX=no AR=$work/bin/ar RANLIB=$work/bin/ranlib
export PKG_CONFIG=/bin/false PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR=/nonexistent
export ZIG_GLOBAL_CACHE_DIR=$work/zig-cache ZIG_LOCAL_CACHE_DIR=$work/zig-cache

log() { echo "build_cpython: $*"; }
started=$SECONDS

log "zlib (static)"
mkdir -p "$work/zlib" && tar xjf "$sources"/zlib_*.orig.tar.bz2 -C "$work/zlib" --strip-components=1
(cd "$work/zlib" && CFLAGS="-O2 -fPIC" ./configure --static --prefix="$deps" \
  && make -j"$jobs" libz.a && make install) > "$work/zlib.log" 2>&1 \
  || { tail -n 30 "$work/zlib.log" >&2; exit 1; }

log "libffi (static)"
mkdir -p "$work/libffi" && tar xzf "$sources"/libffi_*.orig.tar.gz -C "$work/libffi" --strip-components=1
(cd "$work/libffi" && ./configure --host="$host" --build=x86_64-linux-gnu --prefix="$deps" \
  --libdir="$deps/lib" --disable-shared --enable-static --with-pic --disable-docs \
  --disable-exec-static-tramp CC="$work/bin/cc-any-glibc" CFLAGS="-O2 -fPIC" \
  && make -j"$jobs" && make install) > "$work/libffi.log" 2>&1 \
  || { tail -n 30 "$work/libffi.log" >&2; exit 1; }

log "CPython"
# setup.py drops CPPFLAGS/LDFLAGS when it cross-builds the extension modules: the compiler
# itself is told where zlib's and libffi's headers and static libraries are
printf '#!/bin/sh\nexec "%s" cc -target %s -Wno-error=date-time -I%s/include -L%s/lib "$@"\n' \
  "$zig" "$target" "$deps" "$deps" > "$work/bin/cc"
mkdir -p "$work/python" && tar xzf "$sources"/python3.11_*.orig.tar.gz -C "$work/python" --strip-components=1
cd "$work/python"
python3 - <<'PY'
from pathlib import Path
setup = Path("setup.py")
text = setup.read_text()
# no host folders: their glibc headers clash with Zig's, their libraries need a newer glibc
text = text.replace("            add_dir_to_list(self.compiler.library_dirs, '/usr/local/lib')\n", "            pass\n")
text = text.replace("            add_dir_to_list(self.compiler.include_dirs, '/usr/local/include')\n", "")
text = text.replace("        self.add_multiarch_paths()\n", "")
text = text.replace("system_lib_dirs = ['/lib64', '/usr/lib64', '/lib', '/usr/lib']", "system_lib_dirs = []")
text = text.replace("system_include_dirs = ['/usr/include']", "system_include_dirs = []")
setup.write_text(text)
makefile = Path("Makefile.pre.in")
text = makefile.read_text()
text = text.replace("-Wl,-h$(INSTSONAME)", "-Wl,-soname,$(INSTSONAME)")
text = text.replace(
    "libpython3.so:\tlibpython$(LDVERSION).so\n\t$(BLDSHARED) $(NO_AS_NEEDED) -o $@ -Wl,-h$@ $^",
    "libpython3.so:\tlibpython$(LDVERSION).so\n\techo > empty-py3.c\n"
    "\t$(CC) -fPIC -c empty-py3.c -o empty-py3.o\n"
    "\t$(BLDSHARED) $(NO_AS_NEEDED) -o $@ -Wl,-soname,$@ empty-py3.o $^",
)
makefile.write_text(text)
PY
cross=()
if [ -n "$build_python" ]; then
  cross=(--host="$host" --build=x86_64-linux-gnu --with-build-python="$build_python"
    READELF=/usr/bin/readelf ac_cv_buggy_getaddrinfo=no ac_cv_file__dev_ptmx=yes
    ac_cv_file__dev_ptc=no)
fi
./configure --prefix="$prefix" --enable-shared --without-ensurepip --disable-test-modules \
  "${cross[@]}" \
  CFLAGS="-O2" LDFLAGS="-L$deps/lib -Wl,-rpath,$prefix/lib" CPPFLAGS="-I$deps/include" \
  LIBFFI_CFLAGS="-I$deps/include" LIBFFI_LIBS="-L$deps/lib -lffi" \
  ZLIB_CFLAGS="-I$deps/include" ZLIB_LIBS="-L$deps/lib -lz" \
  py_cv_module__tkinter=n/a py_cv_module__ssl=n/a py_cv_module__hashlib=n/a \
  py_cv_module__sqlite3=n/a py_cv_module__bz2=n/a py_cv_module__lzma=n/a \
  py_cv_module__uuid=n/a py_cv_module_readline=n/a py_cv_module__curses=n/a \
  py_cv_module__curses_panel=n/a py_cv_module__dbm=n/a py_cv_module__gdbm=n/a \
  py_cv_module_nis=n/a > "$work/configure.log" 2>&1 \
  || { tail -n 30 "$work/configure.log" >&2; exit 1; }
make -j"$jobs" > "$work/make.log" 2>&1 || { tail -n 40 "$work/make.log" >&2; exit 1; }
make install DESTDIR="$destdir" > "$work/install.log" 2>&1 || { tail -n 40 "$work/install.log" >&2; exit 1; }
log "installed to $destdir$prefix in $((SECONDS - started)) s"
grep -A12 "The necessary bits to build these optional modules were not found" "$work/make.log" \
  | sed 's/^/build_cpython: /' || true
