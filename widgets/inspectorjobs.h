#pragma once
// The inspector's computations, plain functions that run on a worker thread (see
// DataInspector): reading a corpus file by file with an encoding check, tokenizing it
// with line or document lengths and the train/validation split, and drawing a training
// batch exactly as the trainer draws it.
//
//   DatasetReport d = readDataset(dataConfig, seed, progress);   // files, counts, text
//   TokenReport t = tokenizeCorpus(*d.text, *tok, 0.1, LengthUnit::Lines, progress);
//   TrainingBatch b = drawTrainingBatch(*t.ids, 0.1, blockSize, batchSize, seed, 1);
//
// drawTrainingBatch uses core's TokenDataset and BatchSampler, seeded as the trainer seeds
// its training sampler (training.seed); batch n is the n-th batch the trainer draws (the
// batch of step n when gradient_accumulation_steps is 1): evaluation has its own sampler,
// so evals do not shift the training batches.

#include "config/runconfig.h"
#include "tokenizer/tokenizer.h"

#include <QString>
#include <QVector>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lmwb::widgets {

struct FileReport {
    QString path;
    qint64 bytes = 0;
    qint64 characters = 0;     // code points in the valid parts
    qint64 lines = 0;          // newline-terminated lines, plus an unterminated last one
    int uniqueCharacters = 0;
    qint64 invalidBytes = 0;   // bytes that are not part of a valid UTF-8 sequence
    qint64 firstInvalid = -1;  // byte offset of the first, -1 when the file is valid UTF-8
    QVector<qint64> invalidOffsets; // the first few offsets
    QString error;             // could not read the file at all
};

struct DatasetReport {
    QString error;                           // why there is no text (bad file, nothing found)
    QVector<FileReport> files;
    std::shared_ptr<const std::string> text; // the corpus as training sees it
    QString description;
    qint64 characters = 0, lines = 0;
    int uniqueCharacters = 0;
};

// Counts and checks bytes; progress gets the fraction of bytes done.
FileReport inspectBytes(const QString &path, std::string_view bytes, const core::ProgressFn &progress = {});
// Every file of data (files and folders expanded as core does), then the text that
// core::loadCorpus makes of them (fortune clean-up, the synthetic corpus).
DatasetReport readDataset(const core::DataConfig &data, uint64_t seed, const core::ProgressFn &progress = {});

enum class LengthUnit { Lines, Documents }; // documents: blocks separated by a blank line

struct TokenReport {
    QString error;
    std::shared_ptr<const std::vector<int32_t>> ids; // the whole corpus, as the trainer encodes it
    QVector<double> lengths;                         // tokens per line or document
    qint64 trainTokens = 0, valTokens = 0;
    qint64 splitByte = -1;                           // where validation begins in the text
    qint64 splitLine = 0;                            // 1-based line of splitByte
    QString splitContext;                            // the text around it ("…train|val…")
    std::vector<qint64> frequency;                   // occurrences of each id in the corpus
};

TokenReport tokenizeCorpus(const std::string &text, const core::Tokenizer &tok, double valFraction, LengthUnit unit,
                           const core::ProgressFn &progress = {});

struct TrainingBatch {
    QString error;
    int batchSize = 0, blockSize = 0;
    std::vector<int64_t> starts; // offset of each row in the train split
    std::vector<int64_t> x, y;   // batchSize * blockSize, row-major: inputs and targets
    std::string samplerState;    // the training sampler after this batch (as in trainer_state.json)
};

TrainingBatch drawTrainingBatch(const std::vector<int32_t> &ids, double valFraction, int blockSize, int batchSize,
                                uint64_t seed, int batchNumber);

// What a run directory says about its data and tokenizer.
struct RunData {
    QString error;
    core::RunConfig config;
    QString tokenizerDir; // RUN_DIR/tokenizer or the latest checkpoint; empty: none saved
};
RunData readRunData(const QString &runDir);

} // namespace lmwb::widgets
