#!/usr/bin/env bash
# Seeds the fuzz corpora from the conformance fixtures (run from the crate root).
set -euo pipefail
mkdir -p fuzz/corpus/input fuzz/corpus/keys fuzz/corpus/diagnose
for dir in tests/fixtures/cases/*/ tests/fixtures/extra_cases/*/; do
  [ -d "$dir" ] || continue
  name=$(basename "$dir")
  cp "$dir/response.txt" "fuzz/corpus/input/$name" 2>/dev/null || true
  cp "$dir/response.txt" "fuzz/corpus/diagnose/$name" 2>/dev/null || true
  for key in "$dir"/alipay_public_key.* "$dir"/aes_key.txt; do
    [ -f "$key" ] && cp "$key" "fuzz/corpus/keys/${name}_$(basename "$key")"
  done
done
echo "seeded: $(ls fuzz/corpus/input | wc -l) inputs, $(ls fuzz/corpus/keys | wc -l) keys"
