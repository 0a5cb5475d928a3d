#pragma once
// `lmwb train ... --nproc N`: N local ranks of this same binary, as torchrun would start them.
//
//   return launchLocalRanks(4, {"train", "run.json", "--out", "runs/a"}, std::chrono::seconds(30));
//
// Each rank gets RANK, WORLD_SIZE, LOCAL_RANK, LOCAL_WORLD_SIZE, MASTER_ADDR=127.0.0.1 and a
// free MASTER_PORT; its output comes back line by line prefixed "[rank R] ". When a rank
// fails, the others stop by themselves (their next collective fails); any still running
// after the timeout and a grace period are terminated. Ctrl-C reaches every rank, which
// checkpoints and stops together. The exit code is the first failing rank's, else 0 (130
// when interrupted).

#include <chrono>
#include <string>
#include <vector>

namespace lmwb::app {

int launchLocalRanks(int nproc, const std::vector<std::string> &args, std::chrono::milliseconds timeout);

// A TCP port on 127.0.0.1 that was free a moment ago (0 when none could be found).
int freeLocalPort();

} // namespace lmwb::app
