#!/usr/bin/env bash
# Cross-builds the Windows executable on Debian:
#   target/x86_64-pc-windows-gnu/release/alipay-phone-doctor.exe
# A GUI-subsystem executable (no console window from Explorer; command-line runs print in the
# shell that started them), with the app icon and version information embedded (build.rs).
#
# Installs what it needs: Debian's mingw-w64 C toolchain and windres (the C part of aws-lc and
# the resources) and nasm (aws-lc's assembly for this target), and the rustup target.
#
# usage: scripts/build-windows.sh        (CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=${CARGO_TARGET_DIR:-target}
triple=x86_64-pc-windows-gnu

missing=()
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v x86_64-w64-mingw32-windres >/dev/null 2>&1 || missing+=(binutils-mingw-w64-x86-64)
command -v nasm >/dev/null 2>&1 || missing+=(nasm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx "$triple"; then
  echo "== rustup target add $triple"
  rustup target add "$triple"
fi

echo "== cargo build --release --target $triple"
cargo build --release --locked --target "$triple" --bin alipay-phone-doctor

exe="$target_dir/$triple/release/alipay-phone-doctor.exe"
# The release profile keeps symbols for the Linux build's profiling; the Windows file people
# download has none (about a quarter smaller).
x86_64-w64-mingw32-strip "$exe"
echo "built $exe ($(stat -c %s "$exe") bytes)"
