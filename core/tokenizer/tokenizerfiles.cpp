#include "tokenizer/tokenizerfiles_p.h"

#include "util/utf8.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace lmwb::core {

namespace fs = std::filesystem;

std::string joinPath(const std::string &dir, const std::string &name)
{
    if (dir.empty())
        return name;
    return dir.back() == '/' ? dir + name : dir + '/' + name;
}

Result<std::string> readFile(const std::string &path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError(path + ": no such file");
    if (fs::is_directory(path, ec))
        return makeError(path + ": is a directory, expected a file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(path + ": cannot open for reading (" + std::strerror(errno) + ")");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (in.bad())
        return makeError(path + ": read error");
    return bytes.str();
}

Result<nlohmann::json> readJsonFile(const std::string &path)
{
    auto text = readFile(path);
    if (!text)
        return Error{text.error()};
    try {
        return nlohmann::json::parse(text.value());
    } catch (const nlohmann::json::exception &e) {
        return makeError(path + " is not valid JSON (" + e.what() +
                         "); fix the file or save the tokenizer again");
    }
}

Status makeDirectory(const std::string &dir)
{
    std::error_code ec;
    if (fs::is_directory(dir, ec))
        return {};
    fs::create_directories(dir, ec);
    if (ec)
        return makeError("cannot create directory " + dir + ": " + ec.message());
    return {};
}

Status writeFileAtomically(const std::string &path, std::string_view bytes)
{
    const std::string tmp = path + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out)
            return makeError("cannot write " + tmp + " (" + std::strerror(errno) +
                             "); check that the directory is writable");
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out)
            return makeError("cannot write " + tmp + " (disk full?)");
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return makeError("cannot rename " + tmp + " to " + path + ": " + ec.message());
    }
    return {};
}

std::string describeCodePoint(char32_t cp)
{
    char hex[16];
    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
    std::string out = hex;
    const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
    if (!control) {
        out += " '";
        appendUtf8(out, cp);
        out += '\'';
    } else if (cp == '\n') {
        out += " (newline)";
    } else if (cp == '\t') {
        out += " (tab)";
    } else if (cp == '\r') {
        out += " (carriage return)";
    } else {
        out += " (control character)";
    }
    return out;
}

} // namespace lmwb::core
