#!/usr/bin/env python3
"""Writes a folder shaped exactly like Hugging Face's GPT-2 124M (openai-community/gpt2):
config.json, model.safetensors (float32, GPT-2's names, Conv1D [in, out], the attn.bias
mask buffers) and a synthetic vocab.json + merges.txt with GPT-2's 50257 tokens. The
weights are random: it measures loading, not text. Used by bench/hf_load.sh.

    python3 bench/gpt2_124m_fixture.py OUT_DIR
"""
import json
import struct
import sys
from pathlib import Path

import torch


def bytes_to_unicode():
    bs = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    cs = bs[:]
    n = 0
    for b in range(256):
        if b not in bs:
            bs.append(b)
            cs.append(256 + n)
            n += 1
    return [chr(c) for c in cs]  # in encoder.json order


def write_safetensors(path, tensors):
    header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
    for name, t in tensors.items():
        t = t.contiguous()
        raw = t.numpy().tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        offset += len(raw)
        blobs.append(raw)
    h = json.dumps(header).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


def main(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    L, H, C, P, V = 12, 12, 768, 1024, 50257
    g = torch.Generator().manual_seed(0)
    r = lambda *s: torch.randn(*s, generator=g) * 0.02
    t = {"wte.weight": r(V, C), "wpe.weight": r(P, C), "ln_f.weight": torch.ones(C), "ln_f.bias": torch.zeros(C)}
    for l in range(L):
        p = f"h.{l}."
        t.update({p + "ln_1.weight": torch.ones(C), p + "ln_1.bias": torch.zeros(C),
                  p + "attn.bias": torch.ones(1, 1, P, P).tril(),
                  p + "attn.c_attn.weight": r(C, 3 * C), p + "attn.c_attn.bias": torch.zeros(3 * C),
                  p + "attn.c_proj.weight": r(C, C), p + "attn.c_proj.bias": torch.zeros(C),
                  p + "ln_2.weight": torch.ones(C), p + "ln_2.bias": torch.zeros(C),
                  p + "mlp.c_fc.weight": r(C, 4 * C), p + "mlp.c_fc.bias": torch.zeros(4 * C),
                  p + "mlp.c_proj.weight": r(4 * C, C), p + "mlp.c_proj.bias": torch.zeros(C)})
    write_safetensors(out / "model.safetensors", t)
    alphabet = bytes_to_unicode()
    vocab = {tok: i for i, tok in enumerate(alphabet)}
    merges = []
    for a in alphabet:
        for b in alphabet:
            if len(vocab) == V - 1:
                break
            if a + b not in vocab:
                vocab[a + b] = len(vocab)
                merges.append(f"{a} {b}")
    vocab["<|endoftext|>"] = V - 1
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    (out / "merges.txt").write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
    (out / "config.json").write_text(json.dumps({
        "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "activation_function": "gelu_new",
        "n_layer": L, "n_head": H, "n_embd": C, "n_positions": P, "n_ctx": P, "vocab_size": V,
        "layer_norm_epsilon": 1e-5, "n_inner": None}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1])
