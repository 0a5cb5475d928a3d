// lmwb import-hf HF_DIR --out CKPT  and  lmwb export-hf CKPT --out HF_DIR (DESIGN §5).

#include "cli/args.h"
#include "cli/cli.h"

#include "io/hfgpt2.h"

#include <iostream>

namespace lmwb::app {

int cmdImportHf(const std::vector<std::string> &argv)
{
    Args a({"run"}, {"out"});
    if (!a.parse(argv))
        return usageError("import-hf", a.error());
    if (a.positional().size() != 1)
        return usageError("import-hf", "expected one Hugging Face GPT-2 directory (config.json, model.safetensors, "
                                       "vocab.json, merges.txt)");
    const auto out = a.value("out");
    if (!out || out->empty())
        return usageError("import-hf", "--out CKPT is required (the checkpoint directory to write)");
    if (core::Status s = core::importHfGpt2(a.positional()[0], *out, a.has("run")); !s)
        return usageError("import-hf", s.error());
    std::cout << "imported " << a.positional()[0] << " into " << *out << std::endl;
    return 0;
}

int cmdExportHf(const std::vector<std::string> &argv)
{
    Args a({}, {"out"});
    if (!a.parse(argv))
        return usageError("export-hf", a.error());
    if (a.positional().size() != 1)
        return usageError("export-hf", "expected one CKPT (a checkpoint or run directory)");
    const auto out = a.value("out");
    if (!out || out->empty())
        return usageError("export-hf", "--out HF_DIR is required (the folder to write)");
    if (core::Status s = core::exportHfGpt2(a.positional()[0], *out); !s)
        return usageError("export-hf", s.error());
    std::cout << "exported " << a.positional()[0] << " to " << *out << " (Hugging Face GPT-2 layout)" << std::endl;
    return 0;
}

} // namespace lmwb::app
