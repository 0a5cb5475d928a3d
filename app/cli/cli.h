#pragma once
// The headless commands (DESIGN §5): `lmwb train|generate|score|tokenize|tokenizer-train|
// attention`. Each returns the process exit code: 0 on success, 2 on bad usage or bad
// input (a one-line reason on stderr), never a stack trace.

#include <string>
#include <vector>

namespace lmwb::app {

bool isCliCommand(const std::string &arg);
int runCli(int argc, char **argv);

int cmdTrain(const std::vector<std::string> &args);
int cmdGenerate(const std::vector<std::string> &args);
int cmdScore(const std::vector<std::string> &args);
int cmdTokenize(const std::vector<std::string> &args);
int cmdTokenizerTrain(const std::vector<std::string> &args);
int cmdAttention(const std::vector<std::string> &args);
int cmdImportHf(const std::vector<std::string> &args);
int cmdExportHf(const std::vector<std::string> &args);
int cmdFinetune(const std::vector<std::string> &args);

} // namespace lmwb::app
