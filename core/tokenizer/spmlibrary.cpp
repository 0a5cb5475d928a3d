#include "tokenizer/spmlibrary_p.h"

#include <dlfcn.h>
#include <link.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <type_traits>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define LMWB_SANITIZER_BUILD 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define LMWB_SANITIZER_BUILD 1
#endif
#endif

namespace lmwb::core {

namespace {

#ifdef LMWB_SANITIZER_BUILD
bool protobufLoaded()
{
    bool found = false;
    dl_iterate_phdr(
        [](dl_phdr_info *info, size_t, void *data) {
            if (info->dlpi_name && std::string(info->dlpi_name).find("libprotobuf") != std::string::npos)
                *static_cast<bool *>(data) = true;
            return 0;
        },
        &found);
    return found;
}
#endif

std::string executableDir()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

Result<std::unique_ptr<SpmLibrary>> openShim(const std::string &path)
{
    // DEEPBIND: the shim and libsentencepiece resolve their symbols among themselves
    // first, never against libtorch's protobuf already in the process.
    int flags = RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND;
#ifdef LMWB_SANITIZER_BUILD
    // Sanitizer runtimes abort on RTLD_DEEPBIND. Without it, sentencepiece is only safe in
    // a process with no other protobuf (a torch-free one, such as tst_tokenizer).
    if (protobufLoaded())
        return makeError("a sanitizer build cannot load sentencepiece next to libprotobuf (no RTLD_DEEPBIND); "
                         "run sentencepiece in a torch-free process");
    flags &= ~RTLD_DEEPBIND;
#endif
    void *handle = dlopen(path.c_str(), flags);
    if (!handle) {
        const char *why = dlerror();
        return makeError(why ? why : "dlopen failed");
    }
    auto lib = std::make_unique<SpmLibrary>();
    lib->path = path;
    std::string missing;
    auto resolve = [&](auto &fn, const char *name) {
        fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(handle, name));
        if (!fn)
            missing += std::string(missing.empty() ? "" : ", ") + name;
    };
    resolve(lib->shimVersion, "spm_shim_version");
    resolve(lib->train, "spm_train");
    resolve(lib->load, "spm_load");
    resolve(lib->free, "spm_free");
    resolve(lib->encode, "spm_encode");
    resolve(lib->decode, "spm_decode");
    resolve(lib->vocabSize, "spm_vocab_size");
    resolve(lib->idToPiece, "spm_id_to_piece");
    resolve(lib->pieceToId, "spm_piece_to_id");
    resolve(lib->pieceType, "spm_piece_type");
    if (!missing.empty()) {
        dlclose(handle);
        return makeError("not the LM Workbench sentencepiece shim (missing " + missing + ")");
    }
    if (const int v = lib->shimVersion(); v != LMWB_SPM_SHIM_VERSION) {
        dlclose(handle);
        return makeError("shim version " + std::to_string(v) + ", this program needs " +
                         std::to_string(LMWB_SPM_SHIM_VERSION) + " (a stale build or install?)");
    }
    return lib; // never closed: sentencepiece keeps static state until exit
}

} // namespace

std::vector<std::string> spmLibraryCandidates()
{
    if (const char *env = std::getenv("LMWB_SPM_SHIM"); env && *env)
        return {env};
    std::vector<std::string> paths;
    if (const std::string dir = executableDir(); !dir.empty()) {
        paths.push_back(dir + "/../lib/liblmwb_spm.so");
        paths.push_back(dir + "/../lib/lmwb/liblmwb_spm.so");
    }
#ifdef LMWB_SPM_INSTALL_PATH
    paths.push_back(LMWB_SPM_INSTALL_PATH);
#endif
#ifdef LMWB_SPM_BUILD_PATH
    paths.push_back(LMWB_SPM_BUILD_PATH);
#endif
    return paths;
}

Result<const SpmLibrary *> spmLibrary()
{
    static const Result<std::unique_ptr<SpmLibrary>> loaded = []() -> Result<std::unique_ptr<SpmLibrary>> {
        const bool fromEnv = std::getenv("LMWB_SPM_SHIM") && *std::getenv("LMWB_SPM_SHIM");
        std::string tried;
        for (const std::string &path : spmLibraryCandidates()) {
            std::error_code ec;
            if (!fromEnv && !std::filesystem::exists(path, ec)) {
                tried += "\n  " + path + ": not found";
                continue;
            }
            auto lib = openShim(path);
            if (lib)
                return lib;
            tried += "\n  " + path + ": " + lib.error();
        }
        return makeError("cannot load the sentencepiece shim liblmwb_spm.so; tried:" + tried +
                         "\nReinstall LM Workbench, or set LMWB_SPM_SHIM to the library's path.");
    }();
    if (!loaded)
        return Error{loaded.error()};
    return static_cast<const SpmLibrary *>(loaded.value().get());
}

} // namespace lmwb::core
