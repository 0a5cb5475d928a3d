#pragma once
// Strict safetensors reader and writer (https://github.com/huggingface/safetensors format:
// u64 little-endian header length N, N bytes of JSON header, then the data section).
//
//   Result<SafeTensors> st = SafeTensors::readFile("model.safetensors");
//   if (!st) fail(st.error());
//   const TensorEntry *w = st->find("wte.weight");   // dtype, shape, bytes
//   writeSafeTensorsFile(path, {{"wte.weight", DType::F32, {V, C}, ptr, nbytes}}, meta);
//
// The reader rejects (each with its own message): a file shorter than 8 bytes, a header
// length beyond the file or above 100 MB, a header that is not valid JSON or not an object,
// an entry without dtype/shape/data_offsets, an unknown dtype, a negative or non-integer
// shape, offsets that are not [begin, end] with begin <= end, a byte size that does not
// match dtype x shape, offsets beyond the data section, overlapping tensors, bytes of the
// data section that no tensor covers (gaps or trailing bytes), a non-string metadata value,
// and duplicate tensor names.

#include "util/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lmwb::core {

enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool };

// "F32", "BF16", ... as the format spells them.
const char *dtypeName(DType dtype);
std::size_t dtypeSize(DType dtype);

struct TensorEntry {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    std::size_t begin = 0; // offsets into the data section
    std::size_t end = 0;
    int64_t numel() const;
};

class SafeTensors {
public:
    static Result<SafeTensors> parse(std::string bytes);
    static Result<SafeTensors> readFile(const std::string &path);

    const std::vector<TensorEntry> &tensors() const { return m_tensors; } // in file order
    const TensorEntry *find(const std::string &name) const;
    const char *data(const TensorEntry &entry) const; // entry.end - entry.begin bytes
    const std::map<std::string, std::string> &metadata() const { return m_metadata; }

private:
    std::string m_bytes;
    std::size_t m_dataStart = 0;
    std::vector<TensorEntry> m_tensors;
    std::map<std::string, std::string> m_metadata;
};

struct TensorToWrite {
    std::string name;
    DType dtype = DType::F32;
    std::vector<int64_t> shape;
    const void *data = nullptr;
    std::size_t nbytes = 0; // must equal dtypeSize(dtype) * prod(shape)
};

// The file's bytes. Tensors are laid out in the given order, header padded with spaces
// to a multiple of 8 bytes as the reference implementation does.
Result<std::string> serializeSafeTensors(const std::vector<TensorToWrite> &tensors,
                                         const std::map<std::string, std::string> &metadata = {});
// Writes path (via path + ".tmp" and a rename, so a crash never leaves half a file).
Status writeSafeTensorsFile(const std::string &path, const std::vector<TensorToWrite> &tensors,
                            const std::map<std::string, std::string> &metadata = {});

} // namespace lmwb::core
