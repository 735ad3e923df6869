#!/usr/bin/env bash
# Checks the Windows executable under Wine: the conformance cases (tests/fixtures/cases,
# extra_cases and real_world_cases) must get the same answers as on Linux, and the window must
# open in English and in Chinese (screenshots under Xvfb:
# target/windows-check/window-en.png and window-zh.png).
#
# Debian's Wine 8.0 lacks bcryptprimitives.dll, whose ProcessPrng Rust's standard library calls
# for random bytes; a test-only shim (tests/windows/bcryptprimitives_shim.c, built here, never
# shipped) is put beside a copy of the executable. Installs wine, Xvfb and ImageMagick if missing.
#
# usage: scripts/check-windows.sh        (builds with scripts/build-windows.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=${CARGO_TARGET_DIR:-target}
scripts/build-windows.sh
exe="$target_dir/x86_64-pc-windows-gnu/release/alipay-phone-doctor.exe"

missing=()
command -v wine >/dev/null 2>&1 || missing+=(wine wine64)
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
[ -x /usr/bin/import ] || missing+=(imagemagick)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" libgl1-mesa-dri >/dev/null
fi

echo "== the executable: GUI subsystem (no console window from Explorer) and embedded resources"
x86_64-w64-mingw32-objdump -p "$exe" | grep -E 'Subsystem.*\(Windows GUI\)'
x86_64-w64-mingw32-objdump -h "$exe" | grep -q ' \.rsrc ' || {
  echo "check-windows: no resources (icon, version) in $exe" >&2
  exit 1
}

work="$target_dir/windows-check"
rm -rf "$work/bin"
mkdir -p "$work/bin"
work=$(cd "$work" && pwd)

echo "== test-only bcryptprimitives.dll shim"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$work/bin/bcryptprimitives.dll" \
  tests/windows/bcryptprimitives_shim.c -ladvapi32
cp "$exe" "$work/bin/"

export WINEPREFIX="$work/prefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree=;mshtml=;bcryptprimitives=n"
unset DISPLAY
if [ ! -d "$WINEPREFIX" ]; then
  echo "== wineboot (new prefix in $WINEPREFIX)"
  wineboot --init >/dev/null 2>&1 || true
fi
wineserver -w 2>/dev/null || true
# One Wine server for all runs: without it each run starts its own, seconds each.
wineserver -p
trap 'wineserver -k 2>/dev/null || true' EXIT

cat >"$work/apd-wine" <<WRAPPER
#!/bin/sh
exec wine "$work/bin/alipay-phone-doctor.exe" "\$@"
WRAPPER
chmod +x "$work/apd-wine"

echo "== wine: alipay-phone-doctor.exe --version"
"$work/apd-wine" --version

echo "== conformance cases under wine"
python3 tests/fixtures/conformance.py "$work/apd-wine" tests/fixtures/cases
python3 tests/fixtures/conformance.py "$work/apd-wine" tests/fixtures/extra_cases
python3 tests/fixtures/conformance.py "$work/apd-wine" tests/fixtures/real_world_cases

echo "== the window under wine and Xvfb, in English and in Chinese"
display=:96
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; wineserver -k 2>/dev/null || true' EXIT
sleep 1

# Starts the window, waits for its first frame, takes a screenshot of the screen: $1 the name.
window_shot() {
  local log="$work/window-$1.log"
  DISPLAY=$display APD_REPORT_FIRST_FRAME=1 APD_EXIT_AFTER_MS=15000 \
    timeout 60 wine "$work/bin/alipay-phone-doctor.exe" >"$log" 2>&1 &
  local app_pid=$!
  for _ in $(seq 1 100); do
    grep -q 'first frame after' "$log" 2>/dev/null && break
    sleep 0.2
  done
  sleep 3
  DISPLAY=$display import -window root "$work/window-$1.png"
  wait $app_pid || true
  cat "$log"
  grep -q 'first frame after' "$log"
  test -s "$work/window-$1.png"
  echo "window screenshot: $work/window-$1.png"
}

# The app's preferences (eframe's app.ron under %APPDATA%) start empty: English from Wine's
# default locale. The second run is told to use Chinese through the same file, as if the user
# had clicked 中文 and restarted: the Chinese text must then come from a Windows font or the
# bundled subset (Wine has no Chinese font of its own).
rm -rf "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/alipay-phone-doctor
window_shot en
prefs=$(find "$WINEPREFIX/drive_c/users" -path '*alipay-phone-doctor*' -name app.ron | head -1)
if [ -z "$prefs" ]; then
  echo "check-windows: the window saved no preferences (app.ron)" >&2
  exit 1
fi
printf '%s\n' '{"app":"(lang:zh)"}' >"$prefs"
window_shot zh
