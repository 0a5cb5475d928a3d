#!/usr/bin/env bash
# What the GUI costs the trainer, and whether the GUI stays responsive while it trains
# (issue 3). For each OpenMP wait policy: a headless `lmwb train` of nanoGPT's CPU config,
# then the same config trained through the real window (lmwb-guilatency, offscreen) with a
# 10 ms timer on the GUI thread; interleaved, --repeats times. Prints one JSON line a run.
#
#   bench/gui_latency.sh BUILD_DIR [STEPS] [REPEATS]
set -euo pipefail
build="${1:?usage: gui_latency.sh BUILD_DIR [STEPS] [REPEATS]}"
steps="${2:-300}"
repeats="${3:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cfg="$work/cfg.json"
/usr/bin/python3 - "$here/configs/shakespeare_char.json" "$cfg" "$steps" <<'PY'
import json, sys, os
c = json.load(open(sys.argv[1]))
here = os.path.dirname(os.path.abspath(sys.argv[1]))
c["data"]["train"] = [os.path.normpath(os.path.join(here, p)) for p in c["data"]["train"]]
c["training"]["max_steps"] = int(sys.argv[3])
c["training"]["lr_decay_steps"] = 2000
c["training"]["eval_interval"] = 100000
c["training"]["checkpoint_interval"] = 100000
json.dump(c, open(sys.argv[2], "w"))
PY
median() { /usr/bin/python3 -c "
import json,statistics,sys
m=[json.loads(l) for l in open(sys.argv[1])]; s=[x['ms_per_step'] for x in m if 'ms_per_step' in x][10:]
print(round(statistics.median(s),2))" "$1"; }
for policy in default PASSIVE; do
  for r in $(seq 1 "$repeats"); do
    envs=(env -u OMP_WAIT_POLICY)
    [ "$policy" = PASSIVE ] && envs=(env OMP_WAIT_POLICY=PASSIVE)
    rm -rf "$work/h" "$work/g"
    "${envs[@]}" "$build/bin/lmwb" train "$cfg" --out "$work/h" --quiet
    h=$(median "$work/h/metrics.jsonl")
    g=$("${envs[@]}" QT_QPA_PLATFORM=offscreen "$build/bin/lmwb-guilatency" "$cfg" "$work/g" "$steps" 2>/dev/null | tail -1)
    echo "{\"policy\": \"$policy\", \"repeat\": $r, \"headless_ms_per_step\": $h, \"gui\": $g}"
  done
done
