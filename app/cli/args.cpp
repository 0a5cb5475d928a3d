#include "cli/args.h"

#include <cmath>
#include <iostream>

namespace lmwb::app {

bool Args::parse(const std::vector<std::string> &args)
{
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2);
            std::optional<std::string> inlineValue;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inlineValue = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (m_flags.count(name)) {
                if (inlineValue) {
                    m_error = "option --" + name + " takes no value";
                    return false;
                }
                m_seen.insert(name);
            } else if (m_options.count(name)) {
                std::string v;
                if (inlineValue) {
                    v = *inlineValue;
                } else if (i + 1 < args.size()) {
                    v = args[++i];
                } else {
                    m_error = "option --" + name + " needs a value";
                    return false;
                }
                m_seen.insert(name);
                m_values[name].push_back(v);
            } else {
                m_error = "unknown option " + a;
                return false;
            }
        } else if (a == "--") {
            for (++i; i < args.size(); ++i)
                m_positional.push_back(args[i]);
        } else if (a.size() > 1 && a[0] == '-' && !(a[1] >= '0' && a[1] <= '9')) {
            m_error = "unknown option " + a + " (options are spelled --name)";
            return false;
        } else {
            m_positional.push_back(a);
        }
    }
    return true;
}

std::optional<std::string> Args::value(const std::string &name) const
{
    auto it = m_values.find(name);
    if (it == m_values.end() || it->second.empty())
        return std::nullopt;
    return it->second.back();
}

std::vector<std::string> Args::values(const std::string &name) const
{
    auto it = m_values.find(name);
    return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

long long Args::integer(const std::string &name, long long fallback, long long lo, long long hi)
{
    auto v = value(name);
    if (!v)
        return fallback;
    try {
        std::size_t used = 0;
        long long x = std::stoll(*v, &used);
        if (used != v->size())
            throw std::invalid_argument("trailing");
        if (x < lo || x > hi) {
            m_error = "--" + name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + *v;
            return fallback;
        }
        return x;
    } catch (const std::exception &) {
        m_error = "--" + name + " must be an integer, got '" + *v + "'";
        return fallback;
    }
}

double Args::number(const std::string &name, double fallback, double lo, double hi)
{
    auto v = value(name);
    if (!v)
        return fallback;
    try {
        std::size_t used = 0;
        double x = std::stod(*v, &used);
        if (used != v->size() || !std::isfinite(x))
            throw std::invalid_argument("trailing");
        if (x < lo || x > hi) {
            m_error = "--" + name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) + ", got " + *v;
            return fallback;
        }
        return x;
    } catch (const std::exception &) {
        m_error = "--" + name + " must be a number, got '" + *v + "'";
        return fallback;
    }
}

int usageError(const std::string &command, const std::string &message)
{
    std::cerr << "lmwb " << command << ": " << message << std::endl;
    return 2;
}

} // namespace lmwb::app
