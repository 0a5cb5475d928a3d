#!/usr/bin/env python3
"""Data-parallel throughput on one machine: 1 rank x 2 threads against 2 ranks x 1 thread
(`lmwb train --nproc 2`), nanoGPT's CPU shakespeare_char configuration, the same global
batch (12 rows a step: 12 on one rank, 6 on each of two), fp32.

The layouts alternate (1 rank, 1 rank with OMP_WAIT_POLICY=PASSIVE, 2 ranks, ...) --repeats times so that background
load hits both alike; each run's figure is the median tokens/s over its steps 11..N (eval
steps excluded), and the table shows the median over repeats. tokens/s counts every rank's
tokens (the trainer writes the global figure).

    /usr/bin/python3 bench/dist_scaling.py --lmwb build/bin/lmwb --out /tmp/dist-bench
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONFIG = os.path.join(HERE, "configs", "shakespeare_char.json")


def run(lmwb, data, ranks, passive, steps, precision, workdir, tag):
    cfg = json.load(open(CONFIG))
    cfg["data"]["train"] = [data]
    cfg["training"]["precision"] = precision
    cfg["training"]["threads"] = 2 // ranks
    cfg["training"]["batch_size"] = 12 // ranks
    cfg["training"]["eval_interval"] = 100000  # evals only at step 0 and the end
    cfg_path = os.path.join(workdir, f"cfg-{ranks}.json")
    json.dump(cfg, open(cfg_path, "w"))
    out = os.path.join(workdir, f"run-{ranks}-{int(passive)}-{tag}")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [lmwb, "train", cfg_path, "--out", out, "--steps", str(steps), "--quiet"]
    if ranks > 1:
        cmd += ["--nproc", str(ranks)]
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)
    if passive:
        env["OMP_WAIT_POLICY"] = "PASSIVE"
    env["OMP_NUM_THREADS"] = str(2 // ranks)
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    rows = [json.loads(l) for l in open(os.path.join(out, "metrics.jsonl"))]
    steps_rows = [r for r in rows if "tokens_per_second" in r][10:-1]
    return {"tokens_per_second": statistics.median(r["tokens_per_second"] for r in steps_rows),
            "ms_per_step": statistics.median(r["ms_per_step"] for r in steps_rows)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lmwb", required=True)
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "tinyshakespeare.txt"))
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--precision", default="fp32")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    data = os.path.abspath(args.data)
    work = args.out or tempfile.mkdtemp(prefix="lmwb-dist-bench-")
    os.makedirs(work, exist_ok=True)
    # (ranks, OMP_WAIT_POLICY=PASSIVE): OpenMP's default spin-wait is what 1 x 2 normally
    # runs with; PASSIVE is shown too because a loaded machine punishes spinning (DESIGN §6).
    layouts = [(1, False, "1 rank x 2 threads, batch 12"), (1, True, "1 rank x 2 threads, batch 12, OMP PASSIVE"),
               (2, False, "2 ranks x 1 thread, batch 6 each")]
    res = {i: [] for i in range(len(layouts))}
    for r in range(args.repeats):
        for i, (ranks, passive, label) in enumerate(layouts):
            res[i].append(run(args.lmwb, data, ranks, passive, args.steps, args.precision, work, r))
            print(f"repeat {r}: {label}: {res[i][-1]['tokens_per_second']:,.0f} tok/s, "
                  f"{res[i][-1]['ms_per_step']:.1f} ms/step", file=sys.stderr)
    json.dump({layouts[i][2]: v for i, v in res.items()}, open(os.path.join(work, "results.json"), "w"), indent=2)
    one = statistics.median(x["tokens_per_second"] for x in res[0])
    print("| layout | tokens/s (median) | ms/step (median) | per repeat tokens/s | against 1 x 2 |")
    print("|---|---|---|---|---|")
    for i, (ranks, passive, label) in enumerate(layouts):
        med = statistics.median(x["tokens_per_second"] for x in res[i])
        ms = statistics.median(x["ms_per_step"] for x in res[i])
        per = " / ".join(f"{x['tokens_per_second']:,.0f}" for x in res[i])
        print(f"| {label} | {med:,.0f} | {ms:.1f} | {per} | {med / one:.2f} |")


if __name__ == "__main__":
    main()
