#!/usr/bin/env bash
# Builds TaoProm's distribution from the CLI's jar and its lib/ (run by the cli module's `dist`
# Maven profile, after `package`; docs/design.md says why a script):
#
#   cli/target/dist/taoprom-VERSION-linux-x86_64.tar.gz   jlink runtime + jars + bin/taoprom + ...
#   cli/target/dist/deb-data.tar.gz                       the .deb's files, which jdeb packs next
#   cli/target/dist/image/                                the OCI image's files, which jib adds
#
#   build-dist.sh JAVA_HOME TARGET VERSION REPOSITORY_ROOT
#
# Every failure is one line that says what is missing and how to fix it.
set -euo pipefail

jdk=$1 target=$2 version=$3 root=$4
src=$(cd "$(dirname "$0")" && pwd)
dist="$target/dist"
name="taoprom-$version"
stage="$dist/$name"
tarball="$dist/$name-linux-x86_64.tar.gz"
fail() { echo "taoprom dist: $*" >&2; exit 1; }

# --- what the build needs ----------------------------------------------------------------------
jlink="$jdk/bin/jlink"
[ -x "$jlink" ] || fail "no jlink in $jdk (a JRE, not a JDK?); install a JDK 17 (apt-get install openjdk-17-jdk-headless) and run Maven with JAVA_HOME pointing at it"
[ -d "$jdk/jmods" ] || fail "no jmods in $jdk, which jlink needs; install the full JDK 17 (apt-get install openjdk-17-jdk-headless, or a Temurin JDK) and run Maven with JAVA_HOME pointing at it"
[ -f "$target/taoprom.jar" ] && [ -d "$target/lib" ] || fail "$target/taoprom.jar or its lib/ is missing; run the dist build with package: ./mvnw -Pdist -DskipTests package"
mkdir -p "$dist" 2>/dev/null && [ -w "$dist" ] || fail "cannot write $dist; make $target writable by $(id -un), or build in a copy you own"
command -v tar >/dev/null && command -v gzip >/dev/null || fail "no tar or gzip on PATH; install them (apt-get install tar gzip)"

# --- the runtime: only the modules TaoProm needs (cli/src/main/dist/modules says why each) -------
modules=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$src/modules" | tr -d ' \t' | paste -sd, -)
rm -rf "$stage" "$tarball" "$dist/deb"
mkdir -p "$stage"/{bin,conf,lib,systemd}
# --generate-cds-archive: the runtime's default class-data-sharing archive of JDK classes, made at
# build time; it serves any command, wherever the runtime is unpacked. No --compress: the
# tarball's gzip packs the plain modules file (the whole runtime is 23 MB gzipped), and classes
# then load without inflating. The archive for heaps over 32 GB goes (TaoProm runs -Xmx64m).
"$jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$stage/runtime" \
  || fail "jlink could not make the runtime from $jdk (modules: $modules); see its message above"
rm -f "$stage/runtime/lib/server/classes_nocoops.jsa"

# --- the application ---------------------------------------------------------------------------
# As in cli/target: the jar, and beside it the lib/ its manifest's Class-Path names.
cp "$target/taoprom.jar" "$stage/taoprom.jar"
cp "$target"/lib/*.jar "$stage/lib/"
cp "$src/jvm.options" "$stage/conf/jvm.options"
cp "$root/docs/web-config.example.yml" "$stage/conf/web-config.example.yml"
cp "$src/default.taoprom" "$stage/conf/taoprom.default"
install -m 755 "$src/bin/taoprom" "$stage/bin/taoprom"
sed -e 's|@HOME@|/opt/taoprom|g' -e 's|@DEFAULTS@|/etc/default/taoprom|g' "$src/systemd/taoprom.service" >"$stage/systemd/taoprom.service"
if [ -f "$root/LICENSE" ]; then
  cp "$root/LICENSE" "$stage/LICENSE"
else
  echo "taoprom dist: warning: no LICENSE at $root; the distribution ships without one" >&2
fi
if [ -d "$root/mixin" ]; then
  mkdir -p "$stage/mixin"
  (cd "$root/mixin" && cp -r README.md rules.yml alerts.yml dashboards "$stage/mixin/")
fi

# --- the class list for class-data sharing: what a short serve and one scrape load ---------------
# bin/taoprom makes the archive from it (Java 17 ties an archive to the jars' location).
log="$dist/classlist-serve.log"
"$stage/runtime/bin/java" "@$stage/conf/jvm.options" -Xshare:off -XX:DumpLoadedClassList="$stage/lib/taoprom.classlist" \
  -jar "$stage/taoprom.jar" serve --web.listen-address=127.0.0.1:0 >"$log" 2>&1 &
pid=$!
port=
for _ in $(seq 1 300); do
  port=$(sed -n 's|.*serving http://127\.0\.0\.1:\([0-9]*\)/metrics.*|\1|p' "$log")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
[ -n "$port" ] || { kill "$pid" 2>/dev/null || true; fail "the bundled runtime could not serve (a module missing from $src/modules?); its output is in $log"; }
for _ in 1 2; do
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'GET /metrics HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n' >&3
  read -r status <&3 || status=
  case $status in "HTTP/1.1 200"*) ;; *) kill "$pid"; fail "the bundled runtime's /metrics did not answer 200; its output is in $log" ;; esac
  cat <&3 >/dev/null
  exec 3>&-
done
kill -TERM "$pid"
wait "$pid" || true
[ -s "$stage/lib/taoprom.classlist" ] || fail "no class list was written by the short serve; its output is in $log"

# --- the tarball -------------------------------------------------------------------------------
tar --owner=0 --group=0 --numeric-owner --sort=name -C "$dist" -czf "$tarball" "$name"
size=$(stat -c %s "$tarball")
limit=$((60 * 1024 * 1024))
[ "$size" -le "$limit" ] || fail "$tarball is $((size / 1048576)) MiB, over the 60 MiB limit; drop modules or jars"
echo "taoprom dist: $tarball ($((size / 1048576)) MiB)"

# --- the .deb's tree (jdeb packs it, with deb/ as the control files) ---------------------------
deb="$dist/deb"
mkdir -p "$deb/usr/lib" "$deb/lib/systemd/system" "$deb/etc/default"
cp -a "$stage" "$deb/usr/lib/taoprom"
rm -rf "$deb/usr/lib/taoprom/systemd" "$deb/usr/lib/taoprom/conf/taoprom.default"
sed -e 's|@HOME@|/usr/lib/taoprom|g' -e 's|@DEFAULTS@|/etc/default/taoprom|g' "$src/systemd/taoprom.service" >"$deb/lib/systemd/system/taoprom.service"
cp "$src/default.taoprom" "$deb/etc/default/taoprom"
# Modes and owners travel in a tar (jdeb keeps an archive's entries as they are).
tar --owner=root:0 --group=root:0 --sort=name -C "$deb" -czf "$dist/deb-data.tar.gz" etc lib usr

# --- the OCI image's extra files (jib adds the jars itself, under /app) ---------------------------
# No base image can be pulled here, so the image starts from scratch: the runtime under
# /opt/taoprom, and the C libraries it and JNA link against, copied from this machine.
image="$dist/image"
rm -rf "$image"
mkdir -p "$image/opt/taoprom/conf" "$image/tmp" "$image/etc" "$image/lib64"
cp -a "$stage/runtime" "$image/opt/taoprom/runtime"
cp "$stage/conf/jvm.options" "$image/opt/taoprom/conf/"
[ -f "$stage/LICENSE" ] && cp "$stage/LICENSE" "$image/opt/taoprom/"
command -v ldd >/dev/null || fail "no ldd on PATH, needed to find the C libraries for the image; install libc-bin"
libs=$(find "$stage/runtime" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
  | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*ld-linux[^ ]*\) .*/\1/p' | sort -u)
[ -n "$libs" ] || fail "ldd found no C libraries for the runtime; is this an x86_64 glibc machine?"
for lib in $libs; do
  case $lib in
    "$stage"/*) ;;                                    # the runtime's own
    */ld-linux-x86-64.so.2) cp -L "$lib" "$image/lib64/ld-linux-x86-64.so.2" ;;
    *) mkdir -p "$image/lib/x86_64-linux-gnu" && cp -L "$lib" "$image/lib/x86_64-linux-gnu/$(basename "$lib")" ;;
  esac
done
# libz for the runtime's zip support where the JDK links the system's; libgcc_s for JNA's threads.
for extra in libz.so.1 libgcc_s.so.1; do
  found=$(ldconfig -p 2>/dev/null | awk -v n="$extra" '$1 == n && /x86-64/ && !f {f = $NF} END {print f}')
  [ -n "$found" ] && cp -L "$found" "$image/lib/x86_64-linux-gnu/$extra"
done
printf 'root:x:0:0:root:/root:/sbin/nologin\ntaoprom:x:65532:65532:taoprom:/tmp:/sbin/nologin\n' >"$image/etc/passwd"
printf 'root:x:0:\ntaoprom:x:65532:\n' >"$image/etc/group"
echo "taoprom dist: image files in $image"
