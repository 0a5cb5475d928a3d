// lmwb finetune FINETUNE.json --out CKPT [--steps N] [--quiet]: prompt/response fine-tuning
// (core/train/finetune.h), the merged model written as our checkpoint.

#include "cli/args.h"
#include "cli/cli.h"

#include "data/promptpairs.h"
#include "engine/runtime.h"
#include "train/finetune.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace lmwb::app {

int cmdFinetune(const std::vector<std::string> &argv)
{
    Args a({"quiet"}, {"out", "steps", "threads"});
    if (!a.parse(argv))
        return usageError("finetune", a.error());
    const long long steps = a.integer("steps", 0, 1, 10'000'000);
    const int threads = static_cast<int>(a.integer("threads", 0, 0, 1024));
    if (a.failed())
        return usageError("finetune", a.error());
    if (a.positional().size() != 1)
        return usageError("finetune", "expected one FINETUNE.json");
    const auto out = a.value("out");
    if (!out || out->empty())
        return usageError("finetune", "--out CKPT is required");
    const std::string cfgPath = a.positional()[0];
    std::ifstream in(cfgPath, std::ios::binary);
    if (!in)
        return usageError("finetune", "cannot open " + cfgPath);
    std::stringstream ss;
    ss << in.rdbuf();
    auto cfg = core::parseFinetuneConfig(ss.str(), std::filesystem::absolute(cfgPath).parent_path().string());
    if (!cfg)
        return usageError("finetune", cfgPath + ": " + cfg.error());
    if (steps > 0)
        cfg->settings.steps = steps;
    core::setThreadCount(threads);
    auto base = core::LanguageModel::load(cfg->initFrom);
    if (!base)
        return usageError("finetune", "init_from: " + base.error());
    auto pairs = core::readPromptPairs(cfg->pairs);
    if (!pairs)
        return usageError("finetune", pairs.error());
    for (const auto &issue : pairs->issues)
        std::cerr << cfg->pairs << ":" << issue.line << ": skipped: " << issue.message << '\n';
    auto ft = core::Finetuner::create(*base, pairs->pairs, cfg->settings);
    if (!ft)
        return usageError("finetune", ft.error());
    const bool quiet = a.has("quiet");
    const double before = (*ft)->loss();
    if (!quiet)
        std::cout << pairs->pairs.size() << " pairs, " << (*ft)->trainableParameters()
                  << " trainable parameters; response loss " << before << std::endl;
    for (int64_t s = 0; s < cfg->settings.steps; ++s) {
        auto l = (*ft)->step();
        if (!l)
            return usageError("finetune", l.error());
        if (!quiet && ((s + 1) % 10 == 0 || s + 1 == cfg->settings.steps))
            std::cout << "step " << s + 1 << " loss " << *l << std::endl;
    }
    const double after = (*ft)->loss();
    auto merged = (*ft)->merged();
    if (!merged)
        return usageError("finetune", merged.error());
    if (core::Status st = core::saveModelCheckpoint(*merged, *out, cfg->pairs); !st)
        return usageError("finetune", st.error());
    std::cout << "response loss " << before << " -> " << after << "; wrote " << *out << std::endl;
    return 0;
}

} // namespace lmwb::app
