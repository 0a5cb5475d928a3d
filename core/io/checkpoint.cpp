#include "io/checkpoint_p.h"

#include <filesystem>
#include <unistd.h>

namespace lmwb::core {

namespace fs = std::filesystem;

Result<DType> dtypeOf(const torch::Tensor &t)
{
    switch (t.scalar_type()) {
    case torch::kFloat32: return DType::F32;
    case torch::kFloat64: return DType::F64;
    case torch::kFloat16: return DType::F16;
    case torch::kBFloat16: return DType::BF16;
    case torch::kInt64: return DType::I64;
    case torch::kInt32: return DType::I32;
    case torch::kInt16: return DType::I16;
    case torch::kInt8: return DType::I8;
    case torch::kUInt8: return DType::U8;
    case torch::kBool: return DType::Bool;
    default: return makeError(std::string("unsupported tensor type ") + c10::toString(t.scalar_type()));
    }
}

torch::ScalarType scalarTypeOf(DType d)
{
    switch (d) {
    case DType::F32: return torch::kFloat32;
    case DType::F64: return torch::kFloat64;
    case DType::F16: return torch::kFloat16;
    case DType::BF16: return torch::kBFloat16;
    case DType::I64: return torch::kInt64;
    case DType::I32: return torch::kInt32;
    case DType::I16: return torch::kInt16;
    case DType::I8: return torch::kInt8;
    case DType::U8: return torch::kUInt8;
    case DType::Bool: return torch::kBool;
    }
    return torch::kFloat32;
}

Status saveTensors(const std::string &path, const std::vector<std::pair<std::string, torch::Tensor>> &tensors,
                   const std::map<std::string, std::string> &metadata)
{
    std::vector<torch::Tensor> keep; // contiguous CPU copies stay alive while writing
    std::vector<TensorToWrite> out;
    keep.reserve(tensors.size());
    for (const auto &[name, t] : tensors) {
        auto d = dtypeOf(t);
        if (!d)
            return makeError("tensor '" + name + "': " + d.error());
        keep.push_back(t.detach().to(torch::kCPU).contiguous());
        const auto &c = keep.back();
        out.push_back({name, *d, c.sizes().vec(), c.data_ptr(), static_cast<std::size_t>(c.nbytes())});
    }
    return writeSafeTensorsFile(path, out, metadata);
}

Result<std::map<std::string, torch::Tensor>> loadTensors(const std::string &path)
{
    auto st = SafeTensors::readFile(path);
    if (!st)
        return makeError(st.error());
    std::map<std::string, torch::Tensor> out;
    for (const auto &e : st->tensors()) {
        auto t = torch::empty(e.shape, torch::dtype(scalarTypeOf(e.dtype)));
        if (t.nbytes() > 0)
            std::memcpy(t.data_ptr(), st->data(e), e.end - e.begin);
        out.emplace(e.name, t);
    }
    return out;
}

Status loadWeightsInto(Network &net, const std::map<std::string, torch::Tensor> &tensors, const std::string &source)
{
    torch::NoGradGuard noGrad;
    std::size_t used = 0;
    for (auto &[name, p] : net.namedParameters()) {
        auto it = tensors.find(name);
        if (it == tensors.end())
            return makeError(source + " has no tensor '" + name + "' that the model needs");
        if (it->second.sizes() != p.sizes()) {
            std::ostringstream s;
            s << source << ": tensor '" << name << "' has shape " << it->second.sizes() << " but the model expects "
              << p.sizes();
            return makeError(s.str());
        }
        p.copy_(it->second.to(p.scalar_type()));
        ++used;
    }
    if (used != tensors.size()) {
        for (const auto &[name, t] : tensors) {
            bool known = false;
            for (auto &[n, p] : net.namedParameters())
                known = known || n == name;
            if (!known)
                return makeError(source + " holds a tensor '" + name + "' that this model does not have");
        }
    }
    return {};
}

Status writeDirectoryAtomically(const std::string &dir, const std::function<Status(const std::string &)> &write)
{
    std::error_code ec;
    const fs::path target(dir);
    const fs::path parent = target.parent_path();
    fs::create_directories(parent, ec);
    if (ec)
        return makeError("cannot create " + parent.string() + ": " + ec.message());
    const fs::path tmp = parent / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
    fs::remove_all(tmp, ec);
    fs::create_directories(tmp, ec);
    if (ec)
        return makeError("cannot create " + tmp.string() + ": " + ec.message());
    Status s = write(tmp.string());
    if (!s) {
        fs::remove_all(tmp, ec);
        return s;
    }
    if (fs::exists(target, ec)) {
        const fs::path old = parent / ("." + target.filename().string() + ".old-" + std::to_string(::getpid()));
        fs::remove_all(old, ec);
        fs::rename(target, old, ec);
        if (ec)
            return makeError("cannot replace " + target.string() + ": " + ec.message());
        fs::rename(tmp, target, ec);
        if (ec) {
            fs::rename(old, target, ec);
            return makeError("cannot move the new checkpoint into " + target.string());
        }
        fs::remove_all(old, ec);
    } else {
        fs::rename(tmp, target, ec);
        if (ec)
            return makeError("cannot move the new checkpoint into " + target.string() + ": " + ec.message());
    }
    return {};
}

} // namespace lmwb::core
