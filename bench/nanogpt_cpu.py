#!/usr/bin/env python3
"""nanoGPT's CPU shakespeare_char configuration: lmwb train against the PyTorch eager
reference (nanogpt_reference.py), in the same run, on the same machine.

For every precision (fp32, bf16) and thread count (1, 2) it runs both implementations
--repeats times for --speed-steps steps, interleaved (lmwb, torch, lmwb, torch, ...) so
that background load hits both alike, and reports the median over repeats of each run's
median ms per step. Then it runs the full 2000 steps once per precision at 2 threads for
the val loss. Prints a Markdown table (the one in BENCHMARKS.md) and writes the raw
figures as JSON.

    /usr/bin/python3 bench/nanogpt_cpu.py --lmwb build/bin/lmwb --out /tmp/bench
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


def env_for(threads):
    env = dict(os.environ)
    env.pop("OMP_WAIT_POLICY", None)  # the same OpenMP policy for both sides
    env["OMP_NUM_THREADS"] = str(threads)
    return env


def run_lmwb(lmwb, data, precision, threads, steps, workdir):
    cfg = json.load(open(CONFIG))
    cfg["data"]["train"] = [data]
    cfg["training"]["precision"] = precision
    cfg["training"]["threads"] = threads
    cfg_path = os.path.join(workdir, f"cfg-{precision}-{threads}.json")
    json.dump(cfg, open(cfg_path, "w"))
    out = os.path.join(workdir, f"run-{precision}-{threads}-{steps}")
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([lmwb, "train", cfg_path, "--out", out, "--steps", str(steps), "--quiet"],
                   check=True, env=env_for(threads))
    rows = [json.loads(l) for l in open(os.path.join(out, "metrics.jsonl"))]
    ms = [r["ms_per_step"] for r in rows if "ms_per_step" in r][10:]
    evals = [r for r in rows if r.get("eval")]
    return {"ms": statistics.median(ms), "val_loss": evals[-1]["val_loss"], "step": evals[-1]["step"]}


def run_torch(data, precision, threads, steps):
    cmd = ["/usr/bin/python3", os.path.join(HERE, "nanogpt_reference.py"), "--data", data,
           "--steps", str(steps), "--threads", str(threads), "--precision", precision, "--json"]
    p = subprocess.run(cmd, check=True, env=env_for(threads), stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL, text=True)
    j = json.loads(p.stdout)
    return {"ms": j["ms_per_step_median"], "val_loss": j["val_loss"], "step": j["steps"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lmwb", required=True)
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "shared", "data", "tinyshakespeare.txt"))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--speed-steps", type=int, default=200)
    ap.add_argument("--full-steps", type=int, default=2000)
    ap.add_argument("--out", default=None, help="folder for runs and results.json")
    args = ap.parse_args()
    data = os.path.abspath(args.data)
    work = args.out or tempfile.mkdtemp(prefix="lmwb-bench-")
    os.makedirs(work, exist_ok=True)
    tokens = 12 * 64
    results = {"speed": [], "full": []}
    for precision in ("fp32", "bf16"):
        for threads in (1, 2):
            lm, pt = [], []
            for r in range(args.repeats):
                lm.append(run_lmwb(args.lmwb, data, precision, threads, args.speed_steps, work)["ms"])
                pt.append(run_torch(data, precision, threads, args.speed_steps)["ms"])
                print(f"{precision} {threads}t repeat {r}: lmwb {lm[-1]:.1f} ms, torch {pt[-1]:.1f} ms",
                      file=sys.stderr)
            results["speed"].append({"precision": precision, "threads": threads, "lmwb_ms": lm, "torch_ms": pt})
    if args.full_steps > 0:
        for precision in ("fp32", "bf16"):
            a = run_lmwb(args.lmwb, data, precision, 2, args.full_steps, work)
            b = run_torch(data, precision, 2, args.full_steps)
            print(f"full {precision}: lmwb val {a['val_loss']:.4f}, torch val {b['val_loss']:.4f}", file=sys.stderr)
            results["full"].append({"precision": precision, "lmwb": a, "torch": b})
    json.dump(results, open(os.path.join(work, "results.json"), "w"), indent=2)

    print("| precision | threads | lmwb ms/step | PyTorch eager ms/step | lmwb / PyTorch | lmwb tokens/s | PyTorch tokens/s |")
    print("|---|---|---|---|---|---|---|")
    for s in results["speed"]:
        a, b = statistics.median(s["lmwb_ms"]), statistics.median(s["torch_ms"])
        print(f"| {s['precision']} | {s['threads']} | {a:.1f} | {b:.1f} | {a / b:.2f} | {tokens * 1000 / a:,.0f} | {tokens * 1000 / b:,.0f} |")
    if results["full"]:
        print()
        print("| precision (2 threads) | lmwb val loss @2000 | PyTorch val loss @2000 | lmwb ms/step | PyTorch ms/step |")
        print("|---|---|---|---|---|")
        for f in results["full"]:
            print(f"| {f['precision']} | {f['lmwb']['val_loss']:.4f} | {f['torch']['val_loss']:.4f} | {f['lmwb']['ms']:.1f} | {f['torch']['ms']:.1f} |")


if __name__ == "__main__":
    main()
