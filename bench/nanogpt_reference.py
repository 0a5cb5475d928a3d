#!/usr/bin/env python3
"""PyTorch eager reference for LM Workbench's trainer benchmark.

A single-file re-implementation of nanoGPT's GPT model and its train.py loop with the
settings of nanoGPT's CPU shakespeare_char configuration as defaults. It is the reference
that bench/ runs next to `lmwb train` in the same run, on the same machine and thread
count, so that the C++ trainer's speed and final loss have something to be measured against.

Run it with Debian's python (the one that ships torch):

    /usr/bin/python3 bench/nanogpt_reference.py --data ../shared/data/tinyshakespeare.txt \
        --steps 2000 --threads 2 --precision fp32 --seed 1337 --json

Only the standard library and torch are used. Nothing is downloaded.
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def fail(msg):
    """Bad usage or bad input: one line on stderr, exit code 2 (as lmwb does)."""
    print(f"nanogpt_reference: {msg}", file=sys.stderr)
    sys.exit(2)


# --------------------------------------------------------------------------------------
# Model: GPT-2 / nanoGPT structure and parameter names.
# --------------------------------------------------------------------------------------

class LayerNorm(nn.Module):
    """LayerNorm whose bias can be switched off (torch 1.13's nn.LayerNorm cannot)."""

    def __init__(self, dim, bias):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim)) if bias else None

    def forward(self, x):
        return F.layer_norm(x, self.weight.shape, self.weight, self.bias, 1e-5)


def _fused_attention_fn():
    """The library's fused attention, if this torch has one (public in 2.x, private in 1.13)."""
    public = getattr(F, "scaled_dot_product_attention", None)
    if public is not None:
        return lambda q, k, v, p: public(q, k, v, attn_mask=None, dropout_p=p, is_causal=True)
    private = getattr(F, "_scaled_dot_product_attention", None)
    if private is None:
        private = getattr(torch, "_scaled_dot_product_attention", None)
    if private is not None:
        # 1.13 signature: (q, k, v, attn_mask, dropout_p, need_attn_weights, is_causal)
        # and it returns (output, weights).
        return lambda q, k, v, p: private(q, k, v, None, p, False, True)[0]
    return None


class CausalSelfAttention(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        assert cfg.n_embd % cfg.n_head == 0, "n_embd must be a multiple of n_head"
        self.n_head = cfg.n_head
        self.n_embd = cfg.n_embd
        self.dropout = cfg.dropout
        self.c_attn = nn.Linear(cfg.n_embd, 3 * cfg.n_embd, bias=cfg.bias)
        self.c_proj = nn.Linear(cfg.n_embd, cfg.n_embd, bias=cfg.bias)
        self.attn_dropout = nn.Dropout(cfg.dropout)
        self.resid_dropout = nn.Dropout(cfg.dropout)
        # True where a query may look at a key (on or below the diagonal). Not persistent,
        # so the state dict holds exactly the GPT-2 parameter names.
        allowed = torch.ones(cfg.block_size, cfg.block_size, dtype=torch.bool).tril()
        self.register_buffer("allowed", allowed.view(1, 1, cfg.block_size, cfg.block_size),
                             persistent=False)
        self.fused = None
        if cfg.attn == "fused":
            self.fused = _fused_attention_fn()
            if self.fused is None:
                fail("--attn fused: this torch has no scaled_dot_product_attention")

    def forward(self, x):
        B, T, C = x.shape
        hs = C // self.n_head
        q, k, v = self.c_attn(x).split(self.n_embd, dim=2)
        # (B, T, C) -> (B, nh, T, hs)
        q = q.view(B, T, self.n_head, hs).transpose(1, 2)
        k = k.view(B, T, self.n_head, hs).transpose(1, 2)
        v = v.view(B, T, self.n_head, hs).transpose(1, 2)
        if self.fused is not None:
            y = self.fused(q, k, v, self.dropout if self.training else 0.0)
        else:
            scores = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(hs))
            scores = scores.masked_fill(~self.allowed[:, :, :T, :T], float("-inf"))
            probs = F.softmax(scores, dim=-1)
            probs = self.attn_dropout(probs)
            y = probs @ v
        y = y.transpose(1, 2).contiguous().view(B, T, C)
        return self.resid_dropout(self.c_proj(y))


class MLP(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.c_fc = nn.Linear(cfg.n_embd, 4 * cfg.n_embd, bias=cfg.bias)
        self.gelu = nn.GELU()  # exact (erf) form
        self.c_proj = nn.Linear(4 * cfg.n_embd, cfg.n_embd, bias=cfg.bias)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, x):
        return self.dropout(self.c_proj(self.gelu(self.c_fc(x))))


class Block(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.ln_1 = LayerNorm(cfg.n_embd, cfg.bias)
        self.attn = CausalSelfAttention(cfg)
        self.ln_2 = LayerNorm(cfg.n_embd, cfg.bias)
        self.mlp = MLP(cfg)

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class GPT(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.transformer = nn.ModuleDict(dict(
            wte=nn.Embedding(cfg.vocab_size, cfg.n_embd),
            wpe=nn.Embedding(cfg.block_size, cfg.n_embd),
            drop=nn.Dropout(cfg.dropout),
            h=nn.ModuleList([Block(cfg) for _ in range(cfg.n_layer)]),
            ln_f=LayerNorm(cfg.n_embd, cfg.bias),
        ))
        self.lm_head = nn.Linear(cfg.n_embd, cfg.vocab_size, bias=False)
        # Tied embeddings: the output projection is the token embedding matrix.
        self.transformer.wte.weight = self.lm_head.weight

        # Initialisation: N(0, 0.02) for every Linear and Embedding weight, zero biases
        # (LayerNorm keeps weight 1, bias 0), then the residual projections get a std
        # scaled down by sqrt(2 * n_layer).
        for module in self.modules():
            if isinstance(module, (nn.Linear, nn.Embedding)):
                nn.init.normal_(module.weight, mean=0.0, std=0.02)
                if getattr(module, "bias", None) is not None:
                    nn.init.zeros_(module.bias)
        proj_std = 0.02 / math.sqrt(2 * cfg.n_layer)
        for name, p in self.named_parameters():
            if name.endswith("c_proj.weight"):
                nn.init.normal_(p, mean=0.0, std=proj_std)

    def num_params(self, non_embedding=True):
        """Unique parameters (the tied matrix once); without wpe when non_embedding."""
        n = sum(p.numel() for p in self.parameters())
        if non_embedding:
            n -= self.transformer.wpe.weight.numel()
        return n

    def forward(self, idx, targets=None):
        B, T = idx.shape
        if T > self.cfg.block_size:
            raise ValueError(f"sequence length {T} exceeds block_size {self.cfg.block_size}")
        pos = torch.arange(T, dtype=torch.long, device=idx.device)
        x = self.transformer.drop(self.transformer.wte(idx) + self.transformer.wpe(pos))
        for block in self.transformer.h:
            x = block(x)
        x = self.transformer.ln_f(x)
        logits = self.lm_head(x)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), targets.view(-1))
        return logits, loss


# --------------------------------------------------------------------------------------
# Data: character tokenizer, 90/10 split, random windows.
# --------------------------------------------------------------------------------------

def load_char_data(path):
    try:
        with open(path, "r", encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        fail(f"{path}: cannot read as UTF-8 text: {e}")
    if not text:
        fail(f"{path}: empty corpus")
    chars = sorted(set(text))
    stoi = {ch: i for i, ch in enumerate(chars)}
    data = torch.tensor([stoi[ch] for ch in text], dtype=torch.long)
    n_train = int(len(data) * 0.9)
    return chars, data[:n_train], data[n_train:]


def get_batch(data, batch_size, block_size, gen, device):
    if len(data) <= block_size:
        fail(f"split of {len(data)} tokens is too short for block_size {block_size}")
    ix = torch.randint(len(data) - block_size, (batch_size,), generator=gen)
    x = torch.stack([data[i:i + block_size] for i in ix.tolist()])
    y = torch.stack([data[i + 1:i + 1 + block_size] for i in ix.tolist()])
    return x.to(device), y.to(device)


# --------------------------------------------------------------------------------------
# Training loop (nanoGPT train.py semantics).
# --------------------------------------------------------------------------------------

def lr_at(it, a):
    if it < a.warmup_iters:
        return a.learning_rate * (it + 1) / (a.warmup_iters + 1)
    if it > a.lr_decay_iters:
        return a.min_lr
    ratio = (it - a.warmup_iters) / (a.lr_decay_iters - a.warmup_iters)
    coeff = 0.5 * (1.0 + math.cos(math.pi * ratio))
    return a.min_lr + coeff * (a.learning_rate - a.min_lr)


def make_optimizer(model, a):
    decay, no_decay = [], []
    for _, p in model.named_parameters():  # named_parameters() lists the tied matrix once
        if not p.requires_grad:
            continue
        (decay if p.dim() >= 2 else no_decay).append(p)
    groups = [
        {"params": decay, "weight_decay": a.weight_decay},
        {"params": no_decay, "weight_decay": 0.0},
    ]
    # Plain per-parameter AdamW: no foreach, no fused kernel.
    return torch.optim.AdamW(groups, lr=a.learning_rate, betas=(a.beta1, a.beta2),
                             foreach=False)


def parse_args(argv=None):
    p = argparse.ArgumentParser(
        description="nanoGPT (shakespeare_char CPU config) in PyTorch eager: the reference "
                    "for LM Workbench's trainer benchmark.")
    p.add_argument("--data", required=True, help="UTF-8 text corpus (char tokenizer)")
    p.add_argument("--steps", type=int, default=2000,
                   help="training iterations to run (the LR schedule does not change)")
    p.add_argument("--threads", type=int, default=0, help="intra-op threads, 0 = leave torch's")
    p.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    p.add_argument("--seed", type=int, default=1337)
    p.add_argument("--attn", choices=["explicit", "fused"], default="explicit")
    p.add_argument("--device", default="cpu")
    p.add_argument("--json", action="store_true", help="one JSON object on stdout")
    p.add_argument("--log-interval", type=int, default=10)
    # model
    p.add_argument("--n-layer", type=int, default=4)
    p.add_argument("--n-head", type=int, default=4)
    p.add_argument("--n-embd", type=int, default=128)
    p.add_argument("--block-size", type=int, default=64)
    p.add_argument("--dropout", type=float, default=0.0)
    p.add_argument("--bias", action=argparse.BooleanOptionalAction, default=False)
    # training
    p.add_argument("--batch-size", type=int, default=12)
    p.add_argument("--learning-rate", type=float, default=1e-3)
    p.add_argument("--min-lr", type=float, default=1e-4)
    p.add_argument("--warmup-iters", type=int, default=100)
    p.add_argument("--lr-decay-iters", type=int, default=2000)
    p.add_argument("--weight-decay", type=float, default=0.1)
    p.add_argument("--beta1", type=float, default=0.9)
    p.add_argument("--beta2", type=float, default=0.99)
    p.add_argument("--grad-clip", type=float, default=1.0, help="0 = no clipping")
    p.add_argument("--eval-interval", type=int, default=250)
    p.add_argument("--eval-iters", type=int, default=20)
    a = p.parse_args(argv)
    for name in ("steps", "n_layer", "n_head", "n_embd", "block_size", "batch_size",
                 "eval_interval", "eval_iters", "log_interval"):
        if getattr(a, name) < 1:
            p.error(f"--{name.replace('_', '-')} must be at least 1")
    if a.threads < 0:
        p.error("--threads must be 0 or more")
    if a.lr_decay_iters <= a.warmup_iters:
        p.error("--lr-decay-iters must be greater than --warmup-iters")
    return a


def main(argv=None):
    a = parse_args(argv)
    t_start = time.perf_counter()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    device = torch.device(a.device)

    def say(msg):
        # Human lines go to stdout; with --json, stdout carries only the JSON object.
        print(msg, file=sys.stderr if a.json else sys.stdout, flush=True)

    chars, train_data, val_data = load_char_data(a.data)
    a.vocab_size = len(chars)

    torch.manual_seed(a.seed)
    model = GPT(a).to(device)
    optimizer = make_optimizer(model, a)
    gen = torch.Generator().manual_seed(a.seed)

    if a.precision == "bf16":
        autocast = lambda: torch.autocast(device_type=device.type, dtype=torch.bfloat16)
    else:
        import contextlib
        autocast = contextlib.nullcontext

    def sync():
        if device.type == "cuda":
            torch.cuda.synchronize()

    n_params = model.num_params(non_embedding=False)
    n_params_ne = model.num_params(non_embedding=True)
    say(f"torch {torch.__version__}, threads {torch.get_num_threads()}, precision "
        f"{a.precision}, attn {a.attn}, device {device}, "
        f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', '(unset)')}")
    say(f"corpus {a.data}: vocab {a.vocab_size}, train {len(train_data)} tokens, "
        f"val {len(val_data)} tokens")
    say(f"parameters: {n_params / 1e6:.2f}M ({n_params}) total, "
        f"{n_params_ne / 1e6:.2f}M ({n_params_ne}) without position embeddings")

    @torch.no_grad()
    def estimate_loss():
        model.eval()
        out = {}
        for split, data in (("train", train_data), ("val", val_data)):
            losses = torch.zeros(a.eval_iters)
            for k in range(a.eval_iters):
                x, y = get_batch(data, a.batch_size, a.block_size, gen, device)
                with autocast():
                    _, loss = model(x, y)
                losses[k] = loss.item()
            out[split] = losses.mean().item()
        model.train()
        return out

    evals = []

    def do_eval(step):
        r = estimate_loss()
        evals.append({"step": step, "train_loss": r["train"], "val_loss": r["val"]})
        say(f"step {step}: train loss {r['train']:.4f}, val loss {r['val']:.4f}")

    step_ms = []
    last_loss = float("nan")
    model.train()
    # Eval before any training (nanoGPT's iter 0), after every eval_interval-th step and
    # after the last step; step s means "s optimizer steps done".
    do_eval(0)
    for it in range(a.steps):
        x, y = get_batch(train_data, a.batch_size, a.block_size, gen, device)
        sync()
        t0 = time.perf_counter()
        lr = lr_at(it, a)
        for group in optimizer.param_groups:
            group["lr"] = lr
        with autocast():
            _, loss = model(x, y)
        loss.backward()
        if a.grad_clip > 0.0:
            torch.nn.utils.clip_grad_norm_(model.parameters(), a.grad_clip)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        sync()
        step_ms.append((time.perf_counter() - t0) * 1000.0)
        last_loss = loss.item()  # outside the timed region
        done = it + 1
        if done % a.log_interval == 0 or done == 1:
            say(f"iter {it}: loss {last_loss:.4f}, lr {lr:.3e}, time {step_ms[-1]:.1f} ms")
        if done % a.eval_interval == 0 or done == a.steps:
            do_eval(done)

    timed = step_ms[10:] if len(step_ms) > 10 else step_ms
    median_ms = statistics.median(timed)
    tokens_per_s = a.batch_size * a.block_size / (median_ms / 1000.0)
    wall_s = time.perf_counter() - t_start
    final = evals[-1]

    result = {
        "impl": "pytorch-eager",
        "threads": torch.get_num_threads(),
        "precision": a.precision,
        "steps": a.steps,
        "ms_per_step_median": round(median_ms, 3),
        "tokens_per_second": round(tokens_per_s, 1),
        "val_loss": round(final["val_loss"], 4),
        "train_loss": round(final["train_loss"], 4),
        "params": n_params,
        # extra keys
        "params_non_embedding": n_params_ne,
        "attn": a.attn,
        "seed": a.seed,
        "ms_per_step_mean": round(statistics.fmean(timed), 3),
        "wall_seconds": round(wall_s, 2),
        "last_step_loss": round(last_loss, 4),
        "evals": evals,
        "torch_version": torch.__version__,
    }
    if a.json:
        print(json.dumps(result))
    else:
        print(f"median {median_ms:.2f} ms/step over steps {len(step_ms) - len(timed) + 1}.."
              f"{len(step_ms)} (mean {result['ms_per_step_mean']:.2f}), "
              f"{tokens_per_s:.0f} tokens/s")
        print(f"final: train loss {final['train_loss']:.4f}, val loss {final['val_loss']:.4f}"
              f" at step {final['step']}; wall {wall_s:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
