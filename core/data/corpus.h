#pragma once
// Corpus readers: plain text files and folders, fortune files, and the built-in
// synthetic corpus that needs no file at all.
//
//   Result<Corpus> c = loadCorpus(config.data);          // checks UTF-8 and reports offsets
//   std::string text = syntheticAdditionCorpus(1000, 2, 1337);  // "23+58=81\n..."
//
// Text must be valid UTF-8; a file that is not is reported with the byte offset of its
// first bad byte.

#include "config/runconfig.h"
#include "data/promptpairs.h"
#include "util/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace lmwb::core {

struct CorpusSource {
    std::string path;
    uint64_t bytes = 0; // bytes read from the file (before fortune clean-up)
};

struct Corpus {
    std::string text;
    std::vector<CorpusSource> sources; // empty for the synthetic corpus
    std::string description;           // "3 files, 1.1 MB" / "synthetic addition, 2 digits"
    // format "pairs": the pairs (with their files and lines), and what was skipped,
    // "FILE line N: reason", in file order
    std::vector<PromptPair> pairs;
    std::vector<std::string> notes;
};

// Reads one file as UTF-8 (no clean-up).
Result<std::string> readUtf8File(const std::string &path);

// Fortune files: entries separated by lines holding only '%'. Drops the separators and
// ANSI colour escapes (fortunes-zh has them), joins entries with a blank line.
std::string cleanFortuneText(const std::string &raw);

// "a+b=c" lines with operands of up to `digits` digits, seeded, deterministic.
std::string syntheticAdditionCorpus(int64_t examples, int digits, uint64_t seed);

// Expands files and folders (recursively; hidden files and fortune index files *.dat
// skipped, sorted by path) into the list of files to read.
Result<std::vector<std::string>> expandCorpusPaths(const std::vector<std::string> &paths);

// format "pairs": the pairs of every JSONL file of data.train, in order, and as text every
// pair's prompt and completion one after another (what a tokenizer trained for the run
// sees). A file without a single usable pair is an error that names it; a bad line
// elsewhere is a note with its file and line, and the rest still loads.
Result<Corpus> loadCorpus(const DataConfig &data, uint64_t seed = 1337);

// The sample corpora offered by the wizard. path is empty for the synthetic one; a
// sample whose Debian package is not installed has available == false.
struct SampleCorpus {
    std::string id;          // "synthetic", "fortunes", "tang300", "chinese"
    std::string title;       // English; the GUI translates by id
    std::string format;      // "synthetic" or "fortune"
    std::vector<std::string> paths;
    std::string package;     // the Debian package that provides it
    bool available = false;
};
std::vector<SampleCorpus> sampleCorpora();
// A DataConfig for a sample, ready to train on.
DataConfig dataConfigForSample(const SampleCorpus &sample);

} // namespace lmwb::core
