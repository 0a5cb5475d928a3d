#!/usr/bin/env bash
# Fine-tuning speed (issue 7): ms per optimizer step of the same fine-tuning run, on the
# same prompt/response pairs, with everything training (the reference), with LoRA adapters
# on the attention projections or on every projection (rank 8), and with all blocks but the
# last frozen. One lmwb binary, the modes interleaved, REPEATS times; the median of each
# run's steps after the first 10, the median over repeats, and the ratio to full
# fine-tuning. The base is a GPT of the given shape after one step (speed does not depend
# on what it learned); the pairs are three-digit sums, 12 tokens each.
#
#   [BATCH=32] bench/finetune_speed.sh BUILD_DIR [STEPS] [REPEATS] [THREADS] [N_LAYER N_HEAD N_EMBD]
set -euo pipefail
build="${1:?usage: finetune_speed.sh BUILD_DIR [STEPS] [REPEATS] [THREADS] [N_LAYER N_HEAD N_EMBD]}"
steps="${2:-100}"
repeats="${3:-3}"
threads="${4:-2}"
L="${5:-6}" H="${6:-6}" E="${7:-384}"
bin="$build/bin/lmwb"
[ -x "$bin" ] || { echo "finetune_speed.sh: $bin is missing (ninja -C $build lmwb)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 - "$work/sums.jsonl" <<'PY'
import json, random, sys
random.seed(7)
with open(sys.argv[1], 'w') as out:
    for _ in range(2000):
        a, b = random.randint(100, 999), random.randint(100, 999)
        out.write(json.dumps({'prompt': f'{a}+{b}=', 'completion': f'{a + b}\n'}) + '\n')
PY
cat >"$work/base.json" <<JSON
{"data": {"format": "synthetic", "synthetic_examples": 2000}, "tokenizer": {"kind": "char"},
 "model": {"n_layer": $L, "n_head": $H, "n_embd": $E, "block_size": 32},
 "training": {"max_steps": 1, "eval_steps": 1, "threads": $threads}}
JSON
"$bin" train "$work/base.json" --out "$work/base" --quiet >/dev/null

mode_json() {
  case "$1" in
    full) echo '' ;;
    lora-attn) echo ', "lora": {"rank": 8, "alpha": 16, "targets": ["c_attn", "attn.c_proj"]}' ;;
    lora-all) echo ', "lora": {"rank": 8, "alpha": 16, "targets": ["c_attn", "attn.c_proj", "c_fc", "mlp.c_proj"]}' ;;
    freeze) echo ", \"freeze_embeddings\": true, \"freeze_layers\": $((L - 1))" ;;
  esac
}
modes="full lora-attn lora-all freeze"
: >"$work/runs.jsonl"
for r in $(seq 1 "$repeats"); do
  for mode in $modes; do
    cat >"$work/$mode.json" <<JSON
{"data": {"format": "pairs", "train": ["sums.jsonl"], "val_fraction": 0.0},
 "training": {"init_from": "$work/base", "max_steps": $steps, "batch_size": ${BATCH:-32}, "learning_rate": 1e-3,
              "min_lr": 1e-4, "warmup_steps": 0, "lr_decay_steps": $steps, "eval_interval": 1000000,
              "eval_steps": 1, "checkpoint_interval": 1000000, "threads": $threads $(mode_json "$mode")}}
JSON
    rm -rf "$work/run-$mode"
    summary=$("$bin" train "$work/$mode.json" --out "$work/run-$mode" --quiet 2>/dev/null | grep -o 'fine-tuning.*' || true)
    /usr/bin/python3 - "$work/run-$mode/metrics.jsonl" "$mode" "$r" <<'PY' | tee -a "$work/runs.jsonl"
import json, statistics, sys
ms = [j['ms_per_step'] for j in map(json.loads, open(sys.argv[1])) if 'ms_per_step' in j and j['step'] > 10]
print(json.dumps({'mode': sys.argv[2], 'repeat': int(sys.argv[3]), 'median_ms': statistics.median(ms)}))
PY
  done
done
/usr/bin/python3 - "$work/runs.jsonl" "$L" "$H" "$E" "$threads" "${BATCH:-32}" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
L, H, E, threads, batch = sys.argv[2:7]
med = {}
for r in rows:
    med.setdefault(r['mode'], []).append(r['median_ms'])
ref = statistics.median(med['full'])
print(f"\nGPT {L}x{H}x{E}, batch {batch} x 12 tokens, {threads} threads; median ms/step over {len(med['full'])} repeats")
print("| mode | ms/step | runs | vs full fine-tuning |")
print("|---|---|---|---|")
for mode, v in med.items():
    m = statistics.median(v)
    print(f"| {mode} | {m:.1f} | {', '.join(f'{x:.1f}' for x in v)} | {m / ref:.2f} |")
PY
