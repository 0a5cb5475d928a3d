#!/usr/bin/env python3
"""The cost of one gradient all-reduce on this machine: PyTorch's Gloo all-reduce of a flat
fp32 buffer the size of a model's parameters, between 2 processes on loopback, as lmwb's
trainer does once a step. Prints the median over --repeats of the time per all-reduce.

    /usr/bin/python3 bench/allreduce_gloo.py --numel 804096
"""

import argparse
import os
import socket
import statistics
import time

import torch
import torch.distributed as dist
import torch.multiprocessing as mp


def worker(rank, world, port, numel, repeats, out):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    torch.set_num_threads(1)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    t = torch.ones(numel)
    for _ in range(5):
        dist.all_reduce(t)
    times = []
    for _ in range(repeats):
        dist.barrier()
        start = time.perf_counter()
        dist.all_reduce(t)
        times.append(time.perf_counter() - start)
    if rank == 0:
        out.put(statistics.median(times))
    dist.destroy_process_group()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--numel", type=int, default=804096)
    ap.add_argument("--world", type=int, default=2)
    ap.add_argument("--repeats", type=int, default=50)
    args = ap.parse_args()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(r, args.world, port, args.numel, args.repeats, q))
             for r in range(args.world)]
    for p in procs:
        p.start()
    median = q.get()
    for p in procs:
        p.join()
    mb = args.numel * 4 / 1e6
    print(f"{args.world} ranks, {args.numel:,} fp32 ({mb:.2f} MB): median {median * 1000:.2f} ms per all-reduce, "
          f"{2 * (args.world - 1) / args.world * mb / median:.0f} MB/s per rank (ring volume)")


if __name__ == "__main__":
    main()
