#include "inspectorjobs.h"

#include "data/corpus.h"
#include "data/dataset.h"
#include "util/utf8.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace lmwb::widgets {

namespace {

// Code points, lines and distinct code points of valid UTF-8, in one pass.
struct Counter {
    std::vector<bool> seen = std::vector<bool>(0x110000, false);
    qint64 characters = 0, newlines = 0;
    int unique = 0;

    void add(std::string_view s)
    {
        const auto *p = reinterpret_cast<const unsigned char *>(s.data());
        for (std::size_t i = 0, n = s.size(); i < n;) {
            const int len = std::max(1, core::utf8SequenceLength(p[i]));
            char32_t c = len == 1 ? p[i] : p[i] & (0xFF >> (len + 1));
            for (int k = 1; k < len && i + k < n; ++k)
                c = (c << 6) | (p[i + k] & 0x3F);
            i += static_cast<std::size_t>(len);
            ++characters;
            if (c == U'\n')
                ++newlines;
            if (c < seen.size() && !seen[c]) {
                seen[c] = true;
                ++unique;
            }
        }
    }
};

qint64 lineCount(std::string_view s, qint64 newlines)
{
    return newlines + (!s.empty() && s.back() != '\n' ? 1 : 0);
}

} // namespace

FileReport inspectBytes(const QString &path, std::string_view bytes, const core::ProgressFn &progress)
{
    FileReport r;
    r.path = path;
    r.bytes = static_cast<qint64>(bytes.size());
    Counter c;
    constexpr std::size_t kChunk = 256 * 1024;
    const std::size_t n = bytes.size();
    std::size_t pos = 0;
    while (pos < n) {
        // the valid run from pos (the scan is cheap; counting is what takes time)
        const auto bad = core::firstInvalidUtf8(bytes.substr(pos));
        const std::size_t validEnd = bad ? pos + *bad : n;
        while (pos < validEnd) {
            std::size_t end = std::min(validEnd, pos + kChunk);
            while (end < validEnd && (static_cast<unsigned char>(bytes[end]) & 0xC0) == 0x80)
                --end; // a chunk ends where a character starts
            c.add(bytes.substr(pos, end - pos));
            pos = end;
            if (progress && !progress(static_cast<double>(pos) / static_cast<double>(n)))
                return r;
        }
        if (bad) {
            if (r.firstInvalid < 0)
                r.firstInvalid = static_cast<qint64>(pos);
            if (r.invalidOffsets.size() < 10)
                r.invalidOffsets << static_cast<qint64>(pos);
            ++r.invalidBytes;
            ++pos;
        }
    }
    r.characters = c.characters;
    r.lines = lineCount(bytes, c.newlines);
    r.uniqueCharacters = c.unique;
    return r;
}

DatasetReport readDataset(const core::DataConfig &data, uint64_t seed, const core::ProgressFn &progress)
{
    DatasetReport d;
    auto report = [&](double f) { return !progress || progress(std::clamp(f, 0.0, 1.0)); };
    if (data.format != "synthetic") {
        auto files = core::expandCorpusPaths(data.train);
        if (!files) {
            d.error = QString::fromStdString(files.error());
            return d;
        }
        qint64 total = 0;
        for (const auto &f : *files)
            total += std::max<qint64>(1, QFileInfo(QString::fromStdString(f)).size());
        qint64 done = 0;
        for (const auto &f : *files) {
            const QString path = QString::fromStdString(f);
            QFile file(path);
            const qint64 size = std::max<qint64>(1, file.size());
            if (!file.open(QIODevice::ReadOnly)) {
                FileReport r;
                r.path = path;
                r.error = QCoreApplication::translate("DataInspector", "cannot open the file: %1").arg(file.errorString());
                d.files << r;
                done += size;
                continue;
            }
            const QByteArray bytes = file.readAll();
            bool go = true;
            d.files << inspectBytes(path, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                                    [&](double f) {
                                        go = report(0.8 * (static_cast<double>(done) + f * size) / total);
                                        return go;
                                    });
            if (!go) {
                d.error = QCoreApplication::translate("DataInspector", "cancelled");
                return d;
            }
            done += size;
        }
        for (const auto &f : d.files) {
            if (!f.error.isEmpty()) {
                d.error = QCoreApplication::translate("DataInspector", "%1: %2").arg(QDir::toNativeSeparators(f.path), f.error);
                return d;
            }
            if (f.firstInvalid >= 0) {
                d.error = QCoreApplication::translate("DataInspector", "%1 is not valid UTF-8: %2 bad bytes, the first at byte %3; training cannot read it. "
                             "Convert it to UTF-8 (for example with iconv) or leave it out.")
                              .arg(QDir::toNativeSeparators(f.path))
                              .arg(f.invalidBytes)
                              .arg(f.firstInvalid);
                return d;
            }
        }
    }
    // The text exactly as training reads it.
    auto corpus = core::loadCorpus(data, seed);
    if (!corpus) {
        d.error = QString::fromStdString(corpus.error());
        return d;
    }
    if (!report(0.9))
        return d;
    Counter c;
    c.add(corpus->text);
    d.characters = c.characters;
    d.lines = lineCount(corpus->text, c.newlines);
    d.uniqueCharacters = c.unique;
    d.description = QString::fromStdString(corpus->description);
    if (data.format == "synthetic") {
        FileReport r;
        r.path = QCoreApplication::translate("DataInspector", "(built-in synthetic additions)");
        r.bytes = static_cast<qint64>(corpus->text.size());
        r.characters = d.characters;
        r.lines = d.lines;
        r.uniqueCharacters = d.uniqueCharacters;
        d.files << r;
    }
    d.text = std::make_shared<const std::string>(std::move(corpus->text));
    report(1.0);
    return d;
}

TokenReport tokenizeCorpus(const std::string &text, const core::Tokenizer &tok, double valFraction, LengthUnit unit,
                           const core::ProgressFn &progress)
{
    TokenReport r;
    if (progress)
        progress(0.05);
    auto enc = tok.encode(text);
    if (!enc) {
        r.error = QCoreApplication::translate("DataInspector", "The tokenizer cannot encode the corpus: %1").arg(QString::fromStdString(enc.error()));
        return r;
    }
    if (progress && !progress(0.7))
        return r;
    // Tokens per line or document: a token belongs to the unit where it begins.
    std::vector<std::size_t> unitStarts{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n')
            continue;
        if (unit == LengthUnit::Lines)
            unitStarts.push_back(i + 1);
        else if (i + 1 < text.size() && text[i + 1] == '\n') {
            std::size_t j = i + 1;
            while (j < text.size() && text[j] == '\n')
                ++j;
            unitStarts.push_back(j);
            i = j - 1;
        }
    }
    std::vector<double> counts(unitStarts.size(), 0.0);
    std::size_t u = 0;
    r.frequency.assign(static_cast<std::size_t>(std::max(0, tok.vocabSize())), 0);
    for (std::size_t i = 0; i < enc->ids.size(); ++i) {
        const std::size_t b = enc->offsets[i].first;
        while (u + 1 < unitStarts.size() && unitStarts[u + 1] <= b)
            ++u;
        counts[u] += 1.0;
        const auto id = static_cast<std::size_t>(enc->ids[i]);
        if (id < r.frequency.size())
            ++r.frequency[id];
    }
    for (std::size_t k = 0; k < counts.size(); ++k) {
        // skip empty lines between units and a trailing empty unit
        const std::size_t end = k + 1 < unitStarts.size() ? unitStarts[k + 1] : text.size();
        if (end > unitStarts[k] + (unit == LengthUnit::Lines ? 1 : 0) || counts[k] > 0)
            r.lengths << counts[k];
    }
    // The split exactly as the trainer makes it (core::TokenDataset).
    const auto n = static_cast<qint64>(enc->ids.size());
    auto ds = core::TokenDataset::create(enc->ids, valFraction, 0);
    if (ds) {
        r.trainTokens = static_cast<qint64>(ds->train().size());
        r.valTokens = static_cast<qint64>(ds->val().size());
    } else {
        r.trainTokens = n;
    }
    if (r.valTokens > 0 && r.trainTokens < n) {
        r.splitByte = static_cast<qint64>(enc->offsets[static_cast<std::size_t>(r.trainTokens)].first);
        r.splitLine = 1 + std::count(text.begin(), text.begin() + r.splitByte, '\n');
        auto cut = [&](qint64 b) {
            while (b > 0 && b < static_cast<qint64>(text.size()) && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80)
                --b;
            return std::clamp<qint64>(b, 0, static_cast<qint64>(text.size()));
        };
        const qint64 from = cut(r.splitByte - 60), to = cut(r.splitByte + 60);
        r.splitContext = QString::fromUtf8(text.data() + from, r.splitByte - from) + QStringLiteral(" ┃ ") +
                         QString::fromUtf8(text.data() + r.splitByte, to - r.splitByte);
    }
    r.ids = std::make_shared<const std::vector<int32_t>>(std::move(enc->ids));
    if (progress)
        progress(1.0);
    return r;
}

TrainingBatch drawTrainingBatch(const std::vector<int32_t> &ids, double valFraction, int blockSize, int batchSize,
                                uint64_t seed, int batchNumber)
{
    TrainingBatch b;
    b.batchSize = batchSize;
    b.blockSize = blockSize;
    if (blockSize < 1 || batchSize < 1 || batchNumber < 1) {
        b.error = QCoreApplication::translate("DataInspector", "block size, batch size and batch number must be at least 1");
        return b;
    }
    auto ds = core::TokenDataset::create(ids, valFraction, blockSize);
    if (!ds) {
        b.error = QString::fromStdString(ds.error());
        return b;
    }
    // The trainer: trainSampler = BatchSampler(training.seed), then one nextBatch per
    // micro-batch on the train split.
    core::BatchSampler sampler(seed);
    for (int n = 1; n <= batchNumber; ++n) {
        if (n == batchNumber) {
            core::BatchSampler peek = sampler; // the same draws, to show where the rows start
            b.starts = peek.next(ds->train().size(), blockSize, batchSize);
        }
        sampler.nextBatch(ds->train(), blockSize, batchSize, b.x, b.y);
    }
    b.samplerState = sampler.state();
    return b;
}

RunData readRunData(const QString &runDir)
{
    RunData r;
    const QDir dir(runDir);
    auto cfg = core::readRunConfigFile(dir.filePath(QStringLiteral("config.json")).toStdString());
    if (!cfg) {
        r.error = QString::fromStdString(cfg.error());
        return r;
    }
    r.config = *cfg;
    auto hasTokenizer = [](const QString &d) { return QFileInfo::exists(QDir(d).filePath(QStringLiteral("tokenizer.json"))); };
    if (!r.config.tokenizer.path.empty() && hasTokenizer(QString::fromStdString(r.config.tokenizer.path))) {
        r.tokenizerDir = QString::fromStdString(r.config.tokenizer.path);
    } else if (hasTokenizer(dir.filePath(QStringLiteral("tokenizer")))) {
        r.tokenizerDir = dir.filePath(QStringLiteral("tokenizer"));
    } else {
        QFile latest(dir.filePath(QStringLiteral("latest")));
        if (latest.open(QIODevice::ReadOnly)) {
            const QString name = QString::fromUtf8(latest.readAll()).trimmed();
            for (const QString &c : {dir.filePath(QStringLiteral("checkpoints/") + name), dir.filePath(name)})
                if (!name.isEmpty() && hasTokenizer(c))
                    r.tokenizerDir = c;
        }
    }
    return r;
}

} // namespace lmwb::widgets
