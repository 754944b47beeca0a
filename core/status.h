// Errors as values for the Qt-free libraries (core/, exec/).
//
// A Status is either ok or carries a message that names what went wrong and where (file, node,
// tensor, byte offset). Result<T> holds a value or a failed Status. Neither throws; callers
// propagate with OS_RETURN_IF_ERROR / OS_ASSIGN_OR_RETURN so every layer can add context.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace onnxscope {

class [[nodiscard]] Status {
public:
    Status() = default;
    static Status error(std::string message) { return Status(std::move(message)); }

    bool ok() const { return !m_failed; }
    const std::string& message() const { return m_message; }

    // Prefixes context ("node 'conv1' (Conv): ") so errors read outermost-first.
    Status withContext(const std::string& context) const {
        return m_failed ? Status(context + m_message) : Status();
    }

private:
    explicit Status(std::string message)
        : m_message(std::move(message))
        , m_failed(true) {}
    std::string m_message;
    bool m_failed = false;
};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value)) {}
    Result(Status status)
        : m_status(std::move(status)) {
        if (m_status.ok())
            m_status = Status::error("internal error: Result constructed from an ok Status without a value");
    }

    bool ok() const { return m_value.has_value(); }
    const Status& status() const { return m_status; }
    const std::string& message() const { return m_status.message(); }

    T& value() & { return *m_value; }
    const T& value() const& { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }
    T& operator*() & { return *m_value; }
    const T& operator*() const& { return *m_value; }

private:
    std::optional<T> m_value;
    Status m_status;
};

} // namespace onnxscope

#define OS_CONCAT_INNER(a, b) a##b
#define OS_CONCAT(a, b) OS_CONCAT_INNER(a, b)

#define OS_RETURN_IF_ERROR(expr)                                                                             \
    do {                                                                                                     \
        ::onnxscope::Status os_status_ = (expr);                                                             \
        if (!os_status_.ok())                                                                                \
            return os_status_;                                                                               \
    } while (0)

#define OS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)                                                             \
    auto tmp = (expr);                                                                                       \
    if (!tmp.ok())                                                                                           \
        return tmp.status();                                                                                 \
    lhs = std::move(tmp).value()

#define OS_ASSIGN_OR_RETURN(lhs, expr) OS_ASSIGN_OR_RETURN_IMPL(OS_CONCAT(os_result_, __LINE__), lhs, expr)
