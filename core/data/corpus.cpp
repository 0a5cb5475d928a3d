#include "data/corpus.h"

#include "util/utf8.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

namespace lmwb::core {

namespace fs = std::filesystem;

Result<std::string> readUtf8File(const std::string &path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError("file not found: " + path);
    if (fs::is_directory(path, ec))
        return makeError(path + " is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError("cannot open " + path + " for reading");
    std::string bytes;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    in.seekg(0, std::ios::beg);
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        in.read(bytes.data(), size);
    }
    if (!in && size > 0)
        return makeError("cannot read " + path);
    if (auto bad = firstInvalidUtf8(bytes)) {
        std::ostringstream s;
        s << path << " is not valid UTF-8: byte " << *bad << " (0x" << std::hex
          << static_cast<int>(static_cast<unsigned char>(bytes[*bad])) << std::dec
          << ") does not start a valid sequence; convert the file to UTF-8 (for example with iconv)";
        return makeError(s.str());
    }
    return bytes;
}

std::string cleanFortuneText(const std::string &raw)
{
    std::string out;
    out.reserve(raw.size());
    std::string entry;
    auto flush = [&] {
        // trim trailing newlines of the entry
        while (!entry.empty() && (entry.back() == '\n' || entry.back() == '\r'))
            entry.pop_back();
        if (!entry.empty()) {
            if (!out.empty())
                out += "\n\n";
            out += entry;
        }
        entry.clear();
    };
    std::size_t i = 0;
    while (i < raw.size()) {
        std::size_t eol = raw.find('\n', i);
        if (eol == std::string::npos)
            eol = raw.size();
        std::string_view line(raw.data() + i, eol - i);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line == "%") {
            flush();
        } else {
            // drop ANSI escapes: ESC [ params letter
            for (std::size_t k = 0; k < line.size(); ++k) {
                if (line[k] == '\x1b') {
                    std::size_t j = k + 1;
                    if (j < line.size() && line[j] == '[') {
                        ++j;
                        while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == ';'))
                            ++j;
                        if (j < line.size())
                            ++j; // the final letter
                    }
                    k = j - 1;
                    continue;
                }
                entry.push_back(line[k]);
            }
            entry.push_back('\n');
        }
        i = eol + 1;
    }
    flush();
    out.push_back('\n');
    return out;
}

std::string syntheticAdditionCorpus(int64_t examples, int digits, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    int64_t limit = 1;
    for (int d = 0; d < digits; ++d)
        limit *= 10;
    std::string out;
    out.reserve(static_cast<std::size_t>(examples) * (3 * digits + 4));
    for (int64_t e = 0; e < examples; ++e) {
        const int64_t a = static_cast<int64_t>(rng() % static_cast<uint64_t>(limit));
        const int64_t b = static_cast<int64_t>(rng() % static_cast<uint64_t>(limit));
        out += std::to_string(a);
        out += '+';
        out += std::to_string(b);
        out += '=';
        out += std::to_string(a + b);
        out += '\n';
    }
    return out;
}

Result<std::vector<std::string>> expandCorpusPaths(const std::vector<std::string> &paths)
{
    std::vector<std::string> files;
    for (const auto &p : paths) {
        std::error_code ec;
        if (!fs::exists(p, ec))
            return makeError("file or folder not found: " + p);
        if (fs::is_directory(p, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                const auto name = it->path().filename().string();
                if (!name.empty() && name[0] == '.') {
                    if (it->is_directory())
                        it.disable_recursion_pending();
                    continue;
                }
                if (!it->is_regular_file() || it->is_symlink())
                    continue;
                const auto ext = it->path().extension().string();
                if (ext == ".dat" || ext == ".u8")
                    continue;
                found.push_back(it->path().string());
            }
            if (ec)
                return makeError("cannot list the folder " + p + ": " + ec.message());
            std::sort(found.begin(), found.end());
            if (found.empty())
                return makeError("the folder " + p + " holds no text files");
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(p);
        }
    }
    return files;
}

Result<Corpus> loadCorpus(const DataConfig &data, uint64_t seed)
{
    Corpus c;
    if (data.format == "pairs") {
        auto files = expandCorpusPaths(data.train);
        if (!files)
            return makeError(files.error());
        uint64_t total = 0;
        std::size_t skipped = 0;
        for (const auto &f : *files) {
            auto text = readUtf8File(f);
            if (!text)
                return makeError(text.error());
            total += text->size();
            c.sources.push_back({f, static_cast<uint64_t>(text->size())});
            auto p = parsePromptPairs(*text, f);
            if (!p)
                return makeError(p.error());
            for (const auto &i : p->issues)
                c.notes.push_back(i.source + " line " + std::to_string(i.line) + ": " + i.message);
            skipped += p->issues.size();
            c.pairs.insert(c.pairs.end(), std::make_move_iterator(p->pairs.begin()),
                           std::make_move_iterator(p->pairs.end()));
        }
        if (c.pairs.empty())
            return makeError("data.train holds no prompt/response pair");
        for (const auto &p : c.pairs) {
            c.text += p.prompt;
            c.text += p.completion;
            if (c.text.back() != '\n')
                c.text.push_back('\n');
        }
        std::ostringstream d;
        d << c.pairs.size() << (c.pairs.size() == 1 ? " prompt/response pair" : " prompt/response pairs") << " from "
          << files->size() << (files->size() == 1 ? " file, " : " files, ") << total << " bytes";
        if (skipped)
            d << "; " << skipped << (skipped == 1 ? " line" : " lines") << " skipped";
        c.description = d.str();
        return c;
    }
    if (data.format == "synthetic") {
        c.text = syntheticAdditionCorpus(data.syntheticExamples, data.syntheticDigits, seed);
        c.description = "synthetic addition, " + std::to_string(data.syntheticExamples) + " problems of up to " +
                        std::to_string(data.syntheticDigits) + " digits";
        return c;
    }
    auto files = expandCorpusPaths(data.train);
    if (!files)
        return makeError(files.error());
    uint64_t total = 0;
    for (const auto &f : *files) {
        auto text = readUtf8File(f);
        if (!text)
            return makeError(text.error());
        total += text->size();
        c.sources.push_back({f, static_cast<uint64_t>(text->size())});
        std::string part = data.format == "fortune" ? cleanFortuneText(*text) : std::move(*text);
        if (!c.text.empty() && c.text.back() != '\n')
            c.text.push_back('\n');
        c.text += part;
    }
    std::ostringstream d;
    d << files->size() << (files->size() == 1 ? " file, " : " files, ") << total << " bytes";
    c.description = d.str();
    if (c.text.empty())
        return makeError("the corpus is empty (" + c.description + ")");
    return c;
}

std::vector<SampleCorpus> sampleCorpora()
{
    const std::string dir = "/usr/share/games/fortunes";
    std::vector<SampleCorpus> out;
    out.push_back({"synthetic", "Synthetic addition (built in)", "synthetic", {}, {}, true});

    SampleCorpus english{"fortunes", "Debian fortunes (English)", "fortune", {}, "fortunes", false};
    const std::vector<std::string> chineseFiles = {"chinese", "tang300", "song100"};
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
        for (const auto &e : fs::directory_iterator(dir, ec)) {
            const auto name = e.path().filename().string();
            if (!e.is_regular_file() || e.is_symlink() || e.path().has_extension())
                continue;
            if (std::find(chineseFiles.begin(), chineseFiles.end(), name) != chineseFiles.end())
                continue;
            english.paths.push_back(e.path().string());
        }
        std::sort(english.paths.begin(), english.paths.end());
    }
    english.available = !english.paths.empty();
    out.push_back(english);

    auto zh = [&](const std::string &id, const std::string &title) {
        SampleCorpus s{id, title, "fortune", {dir + "/" + id}, "fortunes-zh", false};
        s.available = fs::is_regular_file(s.paths[0], ec);
        out.push_back(s);
    };
    zh("tang300", "Tang poems (fortunes-zh)");
    zh("song100", "Song lyrics (fortunes-zh)");
    zh("chinese", "Chinese fortunes (fortunes-zh)");
    return out;
}

DataConfig dataConfigForSample(const SampleCorpus &sample)
{
    DataConfig d;
    d.format = sample.format;
    d.train = sample.paths;
    return d;
}

} // namespace lmwb::core
