#!/usr/bin/env bash
# Generation speed (issue 6): tokens per second for TOKENS new tokens, lmwb's KV-cached
# generator (lmwb-genbench) against nanoGPT's uncached sample.py loop on Debian's
# python3-torch (bench/generation_speed.py), same architecture, same thread count,
# interleaved, REPEATS times; medians and their ratio. Two models: nanoGPT's CPU
# shakespeare_char (4x4x128, block 64) and the baby GPT (6x6x384, block 256).
#
#   bench/generation_speed.sh BUILD_DIR [TOKENS] [REPEATS] [THREADS]
set -euo pipefail
build="${1:?usage: generation_speed.sh BUILD_DIR [TOKENS] [REPEATS] [THREADS]}"
tokens="${2:-500}"
repeats="${3:-5}"
threads="${4:-2}"
here="$(cd "$(dirname "$0")" && pwd)"
bin="$build/bin/lmwb-genbench"
[ -x "$bin" ] || { echo "generation_speed.sh: $bin is missing (ninja -C $build lmwb-genbench)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS="$threads"
for model in "nanogpt-cpu 4 4 128 64" "baby-gpt 6 6 384 256"; do
  set -- $model
  name=$1 L=$2 H=$3 E=$4 B=$5
  : >"$work/$name.jsonl"
  for r in $(seq 1 "$repeats"); do
    for impl in cache-shift cache-shift-bf16 nocache-shift python; do
      if [ "$impl" = python ]; then
        line=$(/usr/bin/python3 "$here/generation_speed.py" --n-layer "$L" --n-head "$H" --n-embd "$E" \
               --block-size "$B" --tokens "$tokens" --threads "$threads" --json)
      else
        set -- $(echo "$impl" | tr - ' ')
        line=$("$bin" "$L" "$H" "$E" "$B" "$tokens" "$threads" "$1" "$2" "${3:-fp32}")
      fi
      echo "{\"model\": \"$name\", \"repeat\": $r, \"run\": $line}" | tee -a "$work/$name.jsonl"
    done
  done
  /usr/bin/python3 - "$work/$name.jsonl" "$name" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
by = {}
for r in rows:
    by.setdefault(r["run"]["impl"], []).append(r["run"]["tokens_per_second"])
med = {k: statistics.median(v) for k, v in by.items()}
py = med["python-uncached"]
print(json.dumps({"model": sys.argv[2], "median_tokens_per_second": {k: round(v, 1) for k, v in med.items()},
                  "ratio_vs_python": {k: round(v / py, 2) for k, v in med.items() if k != "python-uncached"},
                  "repeats": len(by["python-uncached"])}))
PY
done
