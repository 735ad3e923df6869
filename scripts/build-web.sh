#!/usr/bin/env bash
# Builds the web page into target/web/ (index.html at its root): the same eframe app compiled to
# wasm32-unknown-unknown and bound with wasm-bindgen. Any static host can serve the folder; the
# page loads only its own files and makes no request after that.
#
# Installs what it needs: the wasm32 target (rustup) and wasm-bindgen-cli at the version of the
# wasm-bindgen crate in Cargo.lock (the two must match).
#
# usage: scripts/build-web.sh        (CARGO_TARGET_DIR is honoured)
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=${CARGO_TARGET_DIR:-target}
out="$target_dir/web"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "== rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
if [ -z "$bindgen_version" ]; then
  echo "build-web: no wasm-bindgen in Cargo.lock" >&2
  exit 2
fi
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $bindgen_version"; then
  echo "== cargo install wasm-bindgen-cli $bindgen_version"
  # Not --locked: the CLI's own lock file names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$bindgen_version" --quiet
fi

echo "== cargo build --release --target wasm32-unknown-unknown"
# No default features: the system font provider is native only (the page uses the bundled font).
cargo build --release --locked --target wasm32-unknown-unknown --no-default-features \
  --bin alipay-phone-doctor

rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$target_dir/wasm32-unknown-unknown/release/alipay-phone-doctor.wasm"

wasm="$out/alipay-phone-doctor_bg.wasm"
# No wasm-opt: Debian's binaryen (108) breaks wasm-bindgen's function table (the page then fails
# with "WebAssembly.Table.set(): Argument 1 is invalid").

# The page's own words (shown before the app starts) come from assets/i18n/, in both languages.
python3 scripts/page_words.py web/index.html "$out/index.html"
cp web/start.js web/style.css "$out/"
cp assets/icon.png "$out/icon.png"

raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
total=$(du -cb "$out"/* | tail -1 | cut -f1)
total_gz=0
for file in "$out"/*; do
  total_gz=$((total_gz + $(gzip -9 -c "$file" | wc -c)))
done
echo "web page in $out: wasm $raw bytes ($gz gzip -9), page total $total bytes ($total_gz gzip -9)"
