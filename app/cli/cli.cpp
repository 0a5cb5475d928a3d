#include "cli/cli.h"

#include "cli/args.h"
#include "engine/runtime.h"

#include <iostream>

namespace lmwb::app {

namespace {

const char *kUsage = R"(LM Workbench: train and explore small language models.

Without arguments lmwb opens the workbench window. Headless commands:

  lmwb train CONFIG.json --out RUN_DIR [--steps N] [--threads N] [--quiet]
                [--nproc N] [--dist-timeout SECONDS]
  lmwb train --resume RUN_DIR [CONFIG.json] [--steps N] [--nproc N]
  lmwb generate CKPT --prompt TEXT [--max-new-tokens N] [--temperature T] [--top-k K]
                [--top-p P] [--min-p P] [--typical-p P] [--repetition-penalty R]
                [--presence-penalty X] [--frequency-penalty X] [--stop S]... [--seed S]
                [--no-cache] [--context shift|crop] [--keep-tokens N] [--precision fp32|bf16] [--json]
  lmwb score CKPT --text TEXT [--json]
  lmwb tokenize TOKENIZER|CKPT --text TEXT [--json]
  lmwb tokenizer-train --kind char|bpe|spm-bpe|spm-unigram --vocab-size N --out DIR
                [--format text|fortune] [--character-coverage C] INPUT...
  lmwb attention CKPT --text TEXT --json
  lmwb import-hf HF_DIR --out CKPT [--run]
  lmwb export-hf CKPT --out HF_DIR
  lmwb finetune FINETUNE.json --out CKPT [--steps N] [--quiet]

--nproc N trains on N data-parallel processes on this machine; under torchrun
(RANK, WORLD_SIZE, MASTER_ADDR, MASTER_PORT set) lmwb train joins its process group.
CKPT is a checkpoint directory, a run directory (its latest checkpoint) or a Hugging Face
GPT-2 directory (config.json, model.safetensors, vocab.json, merges.txt).
Text options also come from files: --prompt-file PATH, --text-file PATH.
Exit code 0 on success, 2 on bad usage or bad input.
)";

} // namespace

bool isCliCommand(const std::string &a)
{
    // Any word is a command (an unknown one gets the usage, never the window); options
    // that start with '-' other than these belong to Qt (-platform, -style, ...).
    return (!a.empty() && a[0] != '-') || a == "--help" || a == "-h" || a == "--version";
}

int runCli(int argc, char **argv)
{
    const std::string cmd = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    try {
        if (cmd == "help" || cmd == "--help" || cmd == "-h") {
            std::cout << kUsage;
            return 0;
        }
        if (cmd == "--version") {
            std::cout << "lmwb " << LMWB_VERSION << " (" << core::runtimeDescription() << ")\n";
            return 0;
        }
        if (cmd == "train")
            return cmdTrain(args);
        if (cmd == "generate")
            return cmdGenerate(args);
        if (cmd == "score")
            return cmdScore(args);
        if (cmd == "tokenize")
            return cmdTokenize(args);
        if (cmd == "tokenizer-train")
            return cmdTokenizerTrain(args);
        if (cmd == "attention")
            return cmdAttention(args);
        if (cmd == "import-hf")
            return cmdImportHf(args);
        if (cmd == "export-hf")
            return cmdExportHf(args);
        if (cmd == "finetune")
            return cmdFinetune(args);
    } catch (const std::exception &e) {
        // Core returns expected failures as values; this is the last line of defence.
        return usageError(cmd, std::string("internal error: ") + e.what());
    }
    std::cerr << "lmwb: unknown command '" << cmd << "'\n\n" << kUsage;
    return 2;
}

} // namespace lmwb::app
