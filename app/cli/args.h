#pragma once
// A small strict option parser for the headless commands: known options only, typed
// values, errors as one line. (QCommandLineParser would accept "-abc" clusters and print
// its own help; the commands need exact DESIGN §5 spellings and exit code 2.)

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lmwb::app {

class Args {
public:
    // flags: options without a value; options: options with a value (may repeat).
    Args(std::set<std::string> flags, std::set<std::string> options) : m_flags(std::move(flags)), m_options(std::move(options)) {}

    bool parse(const std::vector<std::string> &args);
    const std::string &error() const { return m_error; }

    bool has(const std::string &name) const { return m_seen.count(name) > 0; }
    std::optional<std::string> value(const std::string &name) const;
    std::vector<std::string> values(const std::string &name) const;
    const std::vector<std::string> &positional() const { return m_positional; }

    // Typed getters: on a bad value they record an error and return the fallback.
    long long integer(const std::string &name, long long fallback, long long lo, long long hi);
    double number(const std::string &name, double fallback, double lo, double hi);
    bool failed() const { return !m_error.empty(); }

private:
    std::set<std::string> m_flags, m_options;
    std::set<std::string> m_seen;
    std::map<std::string, std::vector<std::string>> m_values;
    std::vector<std::string> m_positional;
    std::string m_error;
};

// Prints "lmwb COMMAND: message" on stderr and returns 2.
int usageError(const std::string &command, const std::string &message);

} // namespace lmwb::app
