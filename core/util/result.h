#pragma once
// Expected failures as values (STYLE "Errors").
//
//   Result<Corpus> r = readCorpus(path);
//   if (!r) { std::cerr << r.error() << '\n'; return 2; }
//   use(r.value());
//
// The message names the file, key or offset and says what would fix it.

#include <string>
#include <utility>
#include <variant>

namespace lmwb::core {

struct Error {
    std::string message;
};

template <class T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_v(std::move(value)) {}
    Result(Error error) : m_v(std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_v); }
    const T &value() const & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() { return value(); }
    const T &operator*() const { return value(); }

    const std::string &error() const { return std::get<1>(m_v).message; }

private:
    std::variant<T, Error> m_v;
};

// Result without a value.
class [[nodiscard]] Status {
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error.message)), m_failed(true) {}
    static Status success() { return {}; }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const std::string &error() const { return m_error; }

private:
    std::string m_error;
    bool m_failed = false;
};

inline Error makeError(std::string message) { return Error{std::move(message)}; }

} // namespace lmwb::core
