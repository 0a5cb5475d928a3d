#include "cli/args.h"
#include "cli/cli.h"

#include "cli/launcher.h"
#include "config/runconfig.h"
#include "dist/processgroup.h"
#include "engine/runtime.h"
#include "train/trainer.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace lmwb::app {

namespace {

std::atomic_bool s_interrupted{false};

extern "C" void onSigint(int) { s_interrupted.store(true); }

// The arguments again, without --nproc (each rank is started without it).
std::vector<std::string> withoutNproc(const std::vector<std::string> &argv)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        if (argv[i] == "--nproc") {
            ++i;
            continue;
        }
        if (argv[i].rfind("--nproc=", 0) == 0)
            continue;
        out.push_back(argv[i]);
    }
    return out;
}

// training.dist_timeout of the config the command will train (--dist-timeout overrides).
double distTimeoutSeconds(const Args &a, double cliTimeout)
{
    if (cliTimeout > 0)
        return cliTimeout;
    std::string path;
    if (auto resume = a.value("resume"))
        path = a.positional().empty() ? *resume + "/config.json" : a.positional()[0];
    else if (!a.positional().empty())
        path = a.positional()[0];
    auto cfg = core::readRunConfigFile(path);
    return cfg ? cfg->training.distTimeout : core::TrainingConfig().distTimeout;
}

} // namespace

int cmdTrain(const std::vector<std::string> &argv)
{
    Args a({"quiet"}, {"out", "steps", "resume", "threads", "nproc", "dist-timeout"});
    if (!a.parse(argv))
        return usageError("train", a.error());
    const long long steps = a.integer("steps", 0, 1, 1'000'000'000);
    const long long threads = a.integer("threads", -1, 0, 1024);
    const long long nproc = a.integer("nproc", 0, 1, 1024);
    const double cliTimeout = a.number("dist-timeout", 0.0, 1.0, 86400.0);
    if (a.failed())
        return usageError("train", a.error());
    bool quiet = a.has("quiet");

    // Data parallelism: torchrun's variables make this process one rank of a group;
    // --nproc N starts N ranks of this binary here.
    auto env = core::DistEnv::fromEnvironment();
    if (!env)
        return usageError("train", env.error());
    const auto timeout = std::chrono::milliseconds(static_cast<long long>(distTimeoutSeconds(a, cliTimeout) * 1000));
    if (nproc > 0) {
        if (env->present)
            return usageError("train", "--nproc starts its own ranks; leave it out when torchrun starts lmwb "
                                       "(RANK and WORLD_SIZE are set)");
        if (!a.value("resume")) {
            if (a.positional().size() != 1)
                return usageError("train", "expected one CONFIG.json (see lmwb help)");
            if (!a.value("out"))
                return usageError("train", "--out RUN_DIR is required");
            if (auto cfg = core::readRunConfigFile(a.positional()[0]); !cfg)
                return usageError("train", cfg.error());
        }
        std::vector<std::string> rankArgs{"train"};
        for (const auto &x : withoutNproc(argv))
            rankArgs.push_back(x);
        return launchLocalRanks(static_cast<int>(nproc), rankArgs, timeout);
    }
    std::shared_ptr<core::ProcessGroup> group;
    if (env->present && env->worldSize > 1) {
        auto g = core::ProcessGroup::join(*env, timeout, "cpu");
        if (!g)
            return usageError("train", g.error());
        group = *g;
        quiet = quiet || group->rank() != 0; // rank 0 speaks for the group; errors still show
    }

    std::unique_ptr<core::Trainer> trainer;
    if (auto resume = a.value("resume")) {
        if (a.positional().size() > 1)
            return usageError("train", "expected at most one CONFIG.json with --resume");
        long long maxSteps = 0;
        if (a.positional().size() == 1) {
            auto cfg = core::readRunConfigFile(a.positional()[0]);
            if (!cfg)
                return usageError("train", cfg.error());
            maxSteps = cfg->training.maxSteps;
        }
        auto t = core::Trainer::resume(*resume, maxSteps, group);
        if (!t)
            return usageError("train", t.error());
        trainer = std::move(*t);
        if (trainer->finished() && (steps == 0 || steps <= trainer->step())) {
            if (!quiet)
                std::cout << "the run in " << *resume << " is already at step " << trainer->step() << " of "
                      << trainer->config().training.maxSteps << "\n";
            return 0;
        }
    } else {
        if (a.positional().size() != 1)
            return usageError("train", "expected one CONFIG.json (see lmwb help)");
        auto out = a.value("out");
        if (!out)
            return usageError("train", "--out RUN_DIR is required");
        auto cfg = core::readRunConfigFile(a.positional()[0]);
        if (!cfg)
            return usageError("train", cfg.error());
        if (threads >= 0)
            cfg->training.threads = static_cast<int>(threads);
        if (cliTimeout > 0)
            cfg->training.distTimeout = cliTimeout;
        auto t = core::Trainer::create(
            *cfg, *out,
            [&](double f) {
                if (!quiet)
                    std::fprintf(stderr, "\rtraining the tokenizer: %3.0f%%", f * 100.0);
                return !s_interrupted.load();
            },
            group);
        if (!quiet)
            std::fprintf(stderr, "\r");
        if (!t)
            return usageError("train", t.error());
        trainer = std::move(*t);
    }
    if (threads > 0 || (threads == 0 && !group)) // 0 with ranks: the trainer shares the cores
        core::setThreadCount(static_cast<int>(threads));

    const auto sum = trainer->summary();
    const auto &cfg = trainer->config();
    if (!quiet) {
        std::printf("run %s: %s %d layers x %d heads x %d wide, block %d, %.2fM parameters\n",
                    trainer->runDir().c_str(), core::archName(cfg.model.arch).c_str(), cfg.model.nLayer,
                    cfg.model.nHead, cfg.model.nEmbd, cfg.model.blockSize, sum.parameters / 1e6);
        std::printf("data: %s; %lld train / %lld val tokens, vocabulary %d (%s); %d threads, %s\n",
                    sum.corpusDescription.c_str(), static_cast<long long>(sum.trainTokens),
                    static_cast<long long>(sum.valTokens), sum.vocabSize,
                    core::tokenizerKindName(cfg.tokenizer.kind).c_str(), core::threadCount(),
                    cfg.training.precision.c_str());
        if (cfg.data.format == "pairs")
            std::printf("pairs: %lld train / %lld val prompt/response pairs, the loss on the response tokens\n",
                        static_cast<long long>(sum.trainExamples), static_cast<long long>(sum.valExamples));
        if (!cfg.training.initFrom.empty())
            std::printf("fine-tuning %s: %.2fM of %.2fM parameters train%s\n", cfg.training.initFrom.c_str(),
                        sum.trainableParameters / 1e6, sum.parameters / 1e6,
                        cfg.training.lora.rank > 0 ? " (LoRA adapters; checkpoints hold the merged weights)" : "");
        if (group)
            std::printf("data parallel: %d ranks (c10d, %s), batch %d per rank = %d per step; rank 0 writes the run\n",
                        sum.ranks, group->backendName().c_str(), cfg.training.batchSize,
                        cfg.training.batchSize * sum.ranks);
        std::fflush(stdout);
    }

    core::TrainerCallbacks cb;
    auto lastPrint = std::chrono::steady_clock::now() - std::chrono::seconds(10);
    cb.onStep = [&](const core::StepMetrics &m) {
        const auto now = std::chrono::steady_clock::now();
        if (quiet || (now - lastPrint < std::chrono::milliseconds(500) && m.step % 100 != 0))
            return;
        lastPrint = now;
        std::printf("step %6lld/%lld  loss %.4f  lr %.2e  grad %.3f  %.1f ms/step  %.0f tok/s%s\n",
                    static_cast<long long>(m.step), static_cast<long long>(cfg.training.maxSteps), m.trainLoss, m.lr,
                    m.gradNorm, m.msPerStep, m.tokensPerSecond, m.skipped ? "  (skipped: non-finite)" : "");
        std::fflush(stdout);
    };
    cb.onEval = [&](const core::EvalMetrics &e) {
        if (quiet)
            return;
        std::printf("eval  %6lld  train %.4f  val %.4f  (best %.4f)\n", static_cast<long long>(e.step), e.trainLoss,
                    e.valLoss, e.bestValLoss);
        std::fflush(stdout);
    };
    cb.onSample = [&](int64_t, const std::string &text) {
        if (!quiet)
            std::printf("sample: %s\n", text.substr(0, 200).c_str());
    };
    cb.onCheckpoint = [&](int64_t step, const std::string &dir) {
        if (!quiet)
            std::printf("checkpoint %lld -> %s\n", static_cast<long long>(step), dir.c_str());
    };
    cb.onMessage = [&](const std::string &msg) { std::fprintf(stderr, "%s\n", msg.c_str()); };

    std::signal(SIGINT, onSigint);
    core::Status s = trainer->run(cb, steps, &s_interrupted);
    std::signal(SIGINT, SIG_DFL);
    if (!s)
        return usageError("train", s.error());
    if (s_interrupted.load() || trainer->interrupted()) {
        if (!group || group->rank() == 0)
            std::printf("interrupted at step %lld; continue with: lmwb train --resume %s\n",
                    static_cast<long long>(trainer->step()), trainer->runDir().c_str());
        return 130;
    }
    if (!quiet)
        std::printf("done at step %lld, best val loss %.4f\n", static_cast<long long>(trainer->step()),
                    trainer->bestValLoss());
    return 0;
}

} // namespace lmwb::app
