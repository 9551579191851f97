#!/usr/bin/env bash
# Regenerates golden_sweep.txt, the values GoldenValuesTest pins, by running golden.yaml through the real CLI:
# a few cells' test and train risk (bit for bit) and the width sweep's offset-law exponent. Regenerate only when a
# change is meant to change the numbers, and say so in the commit (fits keyed by results version change too).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../../.." && pwd)"
out="$(mktemp -d)/golden"
"$root/rfsweep" run "$here/golden.yaml" --out "$out" >/dev/null
{
  echo "results_version $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results_version"])' "$out/manifest.json")"
  echo "# width samples ridge seed test_mse train_mse"
  "$root/rfsweep" show "$out" fits --csv | python3 -c '
import csv, sys
rows = csv.DictReader(sys.stdin)
wanted = {(64, 128, 0.01, 3), (256, 64, 0.0, 0), (32, 256, 1.0, 2), (128, 128, 0.0, 1)}
for r in rows:
    key = (int(float(r["width"])), int(r["samples"]), float(r["ridge"]), int(r["seed"]))
    if key in wanted:
        print(key[0], key[1], key[2], key[3], r["test_mse"], r["train_mse"])'
  echo "# sweep model fixed_axis fixed_value exponent"
  "$root/rfsweep" show "$out" exponents --csv | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["model"] in ("offset", "pure") and r["sweep"] == "width" and float(r["fixed_value"]) == 256:
        print(r["sweep"], r["model"], r["fixed_axis"], int(float(r["fixed_value"])), r["exponent"])'
} > "$here/golden_sweep.txt"
cat "$here/golden_sweep.txt"
