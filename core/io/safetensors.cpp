#include "io/safetensors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <set>

namespace lmwb::core {

namespace {

// ordered_json keeps the header's key order, so tensors() lists entries as the file does.
using Json = nlohmann::ordered_json;

// The reference implementation's limit (MAX_HEADER_SIZE = 100_000_000).
constexpr uint64_t kMaxHeaderBytes = 100'000'000;

constexpr DType kAllDTypes[] = {DType::F64, DType::F32, DType::F16, DType::BF16, DType::I64,
                                DType::I32, DType::I16, DType::I8,  DType::U8,   DType::Bool};

bool dtypeFromName(const std::string &name, DType &out)
{
    for (DType d : kAllDTypes) {
        if (name == dtypeName(d)) {
            out = d;
            return true;
        }
    }
    return false;
}

std::string shapeString(const std::vector<int64_t> &shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        if (i)
            s += ',';
        s += std::to_string(shape[i]);
    }
    return s + ']';
}

// dtypeSize(dtype) * prod(shape), or false on overflow.
bool byteSize(DType dtype, const std::vector<int64_t> &shape, uint64_t &out)
{
    uint64_t n = dtypeSize(dtype);
    for (int64_t d : shape) {
        const auto ud = static_cast<uint64_t>(d);
        if (ud != 0 && n > std::numeric_limits<uint64_t>::max() / ud)
            return false;
        n *= ud;
    }
    out = n;
    return true;
}

std::string tensorPrefix(const std::string &name) { return "tensor '" + name + "': "; }

// Rejects duplicate keys, which nlohmann would otherwise resolve silently (last one wins).
class DuplicateKeyCheck {
public:
    bool operator()(int /*depth*/, Json::parse_event_t event, Json &parsed)
    {
        switch (event) {
        case Json::parse_event_t::object_start:
            m_objects.emplace_back();
            break;
        case Json::parse_event_t::object_end:
            if (!m_objects.empty())
                m_objects.pop_back();
            break;
        case Json::parse_event_t::key: {
            if (m_objects.empty() || !parsed.is_string())
                break;
            const std::string key = parsed.get<std::string>();
            if (!m_objects.back().keys.insert(key).second && m_error.empty())
                m_error = describe(key);
            m_objects.back().lastKey = key;
            break;
        }
        default:
            break;
        }
        return true;
    }

    const std::string &error() const { return m_error; }

private:
    struct Object {
        std::set<std::string> keys;
        std::string lastKey;
    };

    std::string describe(const std::string &key) const
    {
        if (m_objects.size() == 1)
            return key == "__metadata__" ? "the header has \"__metadata__\" twice"
                                         : "duplicate tensor name '" + key + "'";
        const std::string &parent = m_objects[m_objects.size() - 2].lastKey;
        if (m_objects.size() == 2 && parent == "__metadata__")
            return "duplicate metadata key '" + key + "'";
        return "duplicate key '" + key + "' in the entry of '" + parent + "'";
    }

    std::vector<Object> m_objects;
    std::string m_error;
};

Result<std::vector<int64_t>> parseShape(const std::string &name, const Json &shape)
{
    if (!shape.is_array())
        return makeError(tensorPrefix(name) + "shape is not an array (" + shape.dump() + ")");
    std::vector<int64_t> out;
    out.reserve(shape.size());
    for (std::size_t i = 0; i < shape.size(); ++i) {
        const Json &d = shape[i];
        const std::string where = tensorPrefix(name) + "shape[" + std::to_string(i) + "] ";
        if (!d.is_number_integer())
            return makeError(where + "is not an integer (" + d.dump() + ")");
        if (!d.is_number_unsigned())
            return makeError(where + "is negative (" + d.dump() + ")");
        const auto v = d.get<uint64_t>();
        if (v > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
            return makeError(where + "is too large (" + d.dump() + ")");
        out.push_back(static_cast<int64_t>(v));
    }
    return out;
}

Result<TensorEntry> parseEntry(const std::string &name, const Json &entry, uint64_t dataSize)
{
    const std::string prefix = tensorPrefix(name);
    if (!entry.is_object())
        return makeError(prefix + "entry is not an object (" + entry.dump() + ")");
    for (const auto &item : entry.items()) {
        if (item.key() != "dtype" && item.key() != "shape" && item.key() != "data_offsets")
            return makeError(prefix + "unknown key '" + item.key() +
                             "' (expected dtype, shape, data_offsets)");
    }
    for (const char *key : {"dtype", "shape", "data_offsets"}) {
        if (!entry.contains(key))
            return makeError(prefix + "missing \"" + key + "\"");
    }

    TensorEntry t;
    t.name = name;
    const Json &dtype = entry["dtype"];
    if (!dtype.is_string())
        return makeError(prefix + "dtype is not a string (" + dtype.dump() + ")");
    if (!dtypeFromName(dtype.get<std::string>(), t.dtype))
        return makeError(prefix + "unknown dtype " + dtype.dump() +
                         " (expected F64, F32, F16, BF16, I64, I32, I16, I8, U8 or BOOL)");

    Result<std::vector<int64_t>> shape = parseShape(name, entry["shape"]);
    if (!shape)
        return makeError(shape.error());
    t.shape = std::move(shape.value());

    const Json &offsets = entry["data_offsets"];
    if (!offsets.is_array() || offsets.size() != 2 || !offsets[0].is_number_unsigned() ||
        !offsets[1].is_number_unsigned())
        return makeError(prefix + "data_offsets " + offsets.dump() +
                         " are not [begin, end] with two non-negative integers");
    const auto begin = offsets[0].get<uint64_t>();
    const auto end = offsets[1].get<uint64_t>();
    if (begin > end)
        return makeError(prefix + "data_offsets " + offsets.dump() + " are reversed (begin > end)");

    uint64_t need = 0;
    if (!byteSize(t.dtype, t.shape, need))
        return makeError(prefix + "shape " + shapeString(t.shape) + " is too large (byte size overflows)");
    if (need != end - begin)
        return makeError(prefix + "dtype " + dtypeName(t.dtype) + " with shape " +
                         shapeString(t.shape) + " needs " + std::to_string(need) +
                         " bytes but data_offsets give " + std::to_string(end - begin));
    if (end > dataSize)
        return makeError(prefix + "data_offsets " + offsets.dump() +
                         " run past the end of the data section (" + std::to_string(dataSize) +
                         " bytes)");
    t.begin = static_cast<std::size_t>(begin);
    t.end = static_cast<std::size_t>(end);
    return t;
}

// Tensors must tile the data section exactly: no overlap, no gap, nothing after the last.
Status checkLayout(const std::vector<TensorEntry> &tensors, std::size_t dataSize)
{
    std::vector<const TensorEntry *> byOffset;
    byOffset.reserve(tensors.size());
    for (const TensorEntry &t : tensors)
        byOffset.push_back(&t);
    // Empty tensors sort before a non-empty one at the same begin, so they do not overlap it.
    std::stable_sort(byOffset.begin(), byOffset.end(), [](const TensorEntry *a, const TensorEntry *b) {
        return a->begin != b->begin ? a->begin < b->begin : a->end < b->end;
    });
    std::size_t covered = 0;
    const TensorEntry *previous = nullptr;
    for (const TensorEntry *t : byOffset) {
        const std::string range = " [" + std::to_string(t->begin) + ", " + std::to_string(t->end) + "]";
        if (t->begin < covered)
            return makeError("tensors '" + previous->name + "' [" + std::to_string(previous->begin) +
                             ", " + std::to_string(previous->end) + "] and '" + t->name + "'" +
                             range + " overlap");
        if (t->begin > covered)
            return makeError("gap: bytes [" + std::to_string(covered) + ", " +
                             std::to_string(t->begin) + ") of the data section before tensor '" +
                             t->name + "' belong to no tensor");
        covered = t->end;
        previous = t;
    }
    if (covered != dataSize)
        return makeError("trailing bytes: the data section has " + std::to_string(dataSize) +
                         " bytes but the tensors cover only " + std::to_string(covered));
    return Status::success();
}

} // namespace

const char *dtypeName(DType dtype)
{
    switch (dtype) {
    case DType::F64: return "F64";
    case DType::F32: return "F32";
    case DType::F16: return "F16";
    case DType::BF16: return "BF16";
    case DType::I64: return "I64";
    case DType::I32: return "I32";
    case DType::I16: return "I16";
    case DType::I8: return "I8";
    case DType::U8: return "U8";
    case DType::Bool: return "BOOL";
    }
    return "?";
}

std::size_t dtypeSize(DType dtype)
{
    switch (dtype) {
    case DType::F64:
    case DType::I64: return 8;
    case DType::F32:
    case DType::I32: return 4;
    case DType::F16:
    case DType::BF16:
    case DType::I16: return 2;
    case DType::I8:
    case DType::U8:
    case DType::Bool: return 1;
    }
    return 0;
}

int64_t TensorEntry::numel() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

Result<SafeTensors> SafeTensors::parse(std::string bytes)
{
    const std::size_t fileSize = bytes.size();
    if (fileSize < 8)
        return makeError("file is " + std::to_string(fileSize) +
                         " bytes, too short for the 8-byte header length");
    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i)
        headerLen = (headerLen << 8) | static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]);
    if (headerLen > kMaxHeaderBytes)
        return makeError("header length " + std::to_string(headerLen) +
                         " exceeds the 100 MB limit (" + std::to_string(kMaxHeaderBytes) + " bytes)");
    if (headerLen > fileSize - 8)
        return makeError("header length " + std::to_string(headerLen) + " exceeds the file size " +
                         std::to_string(fileSize) + " (8 + " + std::to_string(headerLen) +
                         " bytes needed)");

    const char *headerBegin = bytes.data() + 8;
    DuplicateKeyCheck duplicates;
    Json header;
    try {
        header = Json::parse(headerBegin, headerBegin + headerLen, std::ref(duplicates));
    } catch (const Json::parse_error &e) {
        // e.byte counts from 1 within the header; the file offset is what a hex viewer shows.
        return makeError("header is not valid JSON near byte " + std::to_string(8 + e.byte - 1) +
                         " of the file: " + e.what());
    } catch (const Json::exception &e) {
        return makeError(std::string("header is not valid JSON: ") + e.what());
    }
    if (!header.is_object())
        return makeError(std::string("header is not a JSON object (it is ") + header.type_name() +
                         ")");
    if (!duplicates.error().empty())
        return makeError(duplicates.error());

    SafeTensors st;
    st.m_dataStart = static_cast<std::size_t>(8 + headerLen);
    const std::size_t dataSize = fileSize - st.m_dataStart;
    st.m_tensors.reserve(header.size());
    for (const auto &item : header.items()) {
        if (item.key() == "__metadata__") {
            if (!item.value().is_object())
                return makeError(std::string("__metadata__ is not an object (it is ") +
                                 item.value().type_name() + ")");
            for (const auto &m : item.value().items()) {
                if (!m.value().is_string())
                    return makeError("metadata value for key '" + m.key() + "' is not a string (" +
                                     m.value().dump() + ")");
                st.m_metadata[m.key()] = m.value().get<std::string>();
            }
            continue;
        }
        Result<TensorEntry> entry = parseEntry(item.key(), item.value(), dataSize);
        if (!entry)
            return makeError(entry.error());
        st.m_tensors.push_back(std::move(entry.value()));
    }
    Status layout = checkLayout(st.m_tensors, dataSize);
    if (!layout)
        return makeError(layout.error());
    st.m_bytes = std::move(bytes);
    // Spelled out so the 500 MB buffer is moved under every C++17 compiler's return rules.
    return Result<SafeTensors>(std::move(st));
}

Result<SafeTensors> SafeTensors::readFile(const std::string &path)
{
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f)
        return makeError("cannot open '" + path + "': " + std::strerror(errno));
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        std::fclose(f);
        return makeError("cannot read the size of '" + path + "': " + ec.message());
    }
    std::string bytes;
    bytes.resize(static_cast<std::size_t>(size));
    const std::size_t got = size ? std::fread(bytes.data(), 1, bytes.size(), f) : 0;
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed || got != bytes.size())
        return makeError("cannot read '" + path + "': got " + std::to_string(got) + " of " +
                         std::to_string(size) + " bytes");
    Result<SafeTensors> st = parse(std::move(bytes));
    if (!st)
        return makeError(path + ": " + st.error());
    return st;
}

const TensorEntry *SafeTensors::find(const std::string &name) const
{
    for (const TensorEntry &t : m_tensors) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const char *SafeTensors::data(const TensorEntry &entry) const
{
    return m_bytes.data() + m_dataStart + entry.begin;
}

Result<std::string> serializeSafeTensors(const std::vector<TensorToWrite> &tensors,
                                         const std::map<std::string, std::string> &metadata)
{
    Json header = Json::object();
    if (!metadata.empty()) {
        Json meta = Json::object();
        for (const auto &[key, value] : metadata)
            meta[key] = value;
        header["__metadata__"] = std::move(meta);
    }
    uint64_t offset = 0;
    for (const TensorToWrite &t : tensors) {
        const std::string prefix = tensorPrefix(t.name);
        if (t.name == "__metadata__")
            return makeError(prefix + "the name is reserved for the metadata map");
        if (header.contains(t.name))
            return makeError("duplicate tensor name '" + t.name + "'");
        for (int64_t d : t.shape) {
            if (d < 0)
                return makeError(prefix + "shape " + shapeString(t.shape) + " has a negative dimension");
        }
        uint64_t need = 0;
        if (!byteSize(t.dtype, t.shape, need))
            return makeError(prefix + "shape " + shapeString(t.shape) + " is too large");
        if (need != t.nbytes)
            return makeError(prefix + "dtype " + dtypeName(t.dtype) + " with shape " +
                             shapeString(t.shape) + " needs " + std::to_string(need) +
                             " bytes but nbytes is " + std::to_string(t.nbytes));
        if (t.nbytes > 0 && !t.data)
            return makeError(prefix + "data is null");
        header[t.name] = Json{{"dtype", dtypeName(t.dtype)},
                              {"shape", t.shape},
                              {"data_offsets", {offset, offset + t.nbytes}}};
        offset += t.nbytes;
    }

    std::string headerText;
    try {
        headerText = header.dump();
    } catch (const Json::exception &e) {
        return makeError(std::string("cannot encode the header (names and metadata must be UTF-8): ") +
                         e.what());
    }
    // Padding to 8 keeps the data section 8-byte aligned, as the reference writer does.
    headerText.append((8 - headerText.size() % 8) % 8, ' ');

    std::string out;
    out.reserve(8 + headerText.size() + static_cast<std::size_t>(offset));
    uint64_t n = headerText.size();
    for (int i = 0; i < 8; ++i, n >>= 8)
        out.push_back(static_cast<char>(n & 0xff));
    out += headerText;
    for (const TensorToWrite &t : tensors)
        out.append(static_cast<const char *>(t.data), t.nbytes);
    return Result<std::string>(std::move(out));
}

Status writeSafeTensorsFile(const std::string &path, const std::vector<TensorToWrite> &tensors,
                            const std::map<std::string, std::string> &metadata)
{
    Result<std::string> bytes = serializeSafeTensors(tensors, metadata);
    if (!bytes)
        return makeError(path + ": " + bytes.error());

    const std::string tmp = path + ".tmp";
    std::FILE *f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return makeError("cannot create '" + tmp + "': " + std::strerror(errno));
    const std::size_t written = std::fwrite(bytes->data(), 1, bytes->size(), f);
    const int writeErrno = errno;
    const bool closed = std::fclose(f) == 0;
    std::error_code ec;
    if (written != bytes->size() || !closed) {
        std::filesystem::remove(tmp, ec);
        return makeError("cannot write '" + tmp + "': " + std::strerror(writeErrno) +
                         " (is the disk full?)");
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(tmp, ignored);
        return makeError("cannot rename '" + tmp + "' to '" + path + "': " + ec.message());
    }
    return Status::success();
}

} // namespace lmwb::core
