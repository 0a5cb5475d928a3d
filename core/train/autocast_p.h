#pragma once
// bf16 autocast on the CPU for a forward pass (the AMX lever of DESIGN §6), as a scope.
// Private to core (torch).

#include <ATen/autocast_mode.h>

namespace lmwb::core {

class AutocastScope {
public:
    explicit AutocastScope(bool on) : m_on(on)
    {
        if (m_on) {
            at::autocast::set_cpu_enabled(true);
            at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        }
    }
    ~AutocastScope()
    {
        if (m_on) {
            at::autocast::set_cpu_enabled(false);
            at::autocast::clear_cache();
        }
    }
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_on;
};

} // namespace lmwb::core
