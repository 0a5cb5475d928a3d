#!/usr/bin/env python3
"""The uncached reference for bench/generation_speed.sh: nanoGPT's sample.py loop.

Every new token runs the model over the whole (cropped to block_size) context, as
nanoGPT's GPT.generate does: crop, forward, logits of the last position / temperature,
top-k, softmax, multinomial, append. The model is bench/nanogpt_reference.py's GPT (the
nanoGPT structure) with nanoGPT's inference shortcut (the head on the last position only).
On torch 1.13 nanoGPT takes its explicit masked-softmax attention (no
F.scaled_dot_product_attention), so that is what this uses. Weights are the GPT-2
initialisation: the speed does not depend on them.

    /usr/bin/python3 bench/generation_speed.py --n-layer 4 --n-head 4 --n-embd 128 \
        --block-size 64 --tokens 500 --threads 2 --json
"""

import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nanogpt_reference import GPT  # noqa: E402


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--n-layer", type=int, default=4)
    p.add_argument("--n-head", type=int, default=4)
    p.add_argument("--n-embd", type=int, default=128)
    p.add_argument("--block-size", type=int, default=64)
    p.add_argument("--vocab-size", type=int, default=65)
    p.add_argument("--tokens", type=int, default=500)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--temperature", type=float, default=0.8)
    p.add_argument("--top-k", type=int, default=200)
    p.add_argument("--seed", type=int, default=1337)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    for name in ("n_layer", "n_head", "n_embd", "block_size", "vocab_size", "tokens", "threads"):
        if getattr(a, name) <= 0:
            print(f"generation_speed: --{name.replace('_', '-')} must be positive", file=sys.stderr)
            sys.exit(2)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    a.dropout, a.bias, a.attn = 0.0, False, "explicit"
    model = GPT(a)
    model.eval()
    tr = model.transformer

    def last_logits(idx):
        # nanoGPT's GPT.forward without targets: the head on the last position only.
        T = idx.size(1)
        pos = torch.arange(T, dtype=torch.long)
        x = tr.drop(tr.wte(idx) + tr.wpe(pos))
        for block in tr.h:
            x = block(x)
        x = tr.ln_f(x)
        return model.lm_head(x[:, [-1], :])

    idx = torch.zeros((1, 1), dtype=torch.long)
    with torch.no_grad():
        start = time.perf_counter()
        for _ in range(a.tokens):
            idx_cond = idx if idx.size(1) <= a.block_size else idx[:, -a.block_size:]
            logits = last_logits(idx_cond)[:, -1, :] / a.temperature
            if a.top_k is not None:
                v, _ = torch.topk(logits, min(a.top_k, logits.size(-1)))
                logits[logits < v[:, [-1]]] = -float("Inf")
            probs = torch.softmax(logits, dim=-1)
            idx_next = torch.multinomial(probs, num_samples=1)
            idx = torch.cat((idx, idx_next), dim=1)
        secs = time.perf_counter() - start
    out = {"impl": "python-uncached", "tokens": a.tokens, "seconds": secs, "tokens_per_second": a.tokens / secs,
           "threads": torch.get_num_threads(), "torch_version": torch.__version__}
    print(json.dumps(out) if a.json else f"{out['tokens_per_second']:.1f} tokens/s")


if __name__ == "__main__":
    main()
