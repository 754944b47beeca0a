#include "backend_factory.h"

#include "cpu_backend.h"

#ifdef ONNXSCOPE_HAVE_OPENCL
#include "opencl/opencl_backend.h"
#endif

namespace onnxscope {

Result<std::vector<std::shared_ptr<Backend>>> sessionBackendsFor(const std::string& spec) {
    if (spec.empty() || spec == "cpu")
        return std::vector<std::shared_ptr<Backend>>{};
    OS_ASSIGN_OR_RETURN(std::shared_ptr<Backend> backend, makeBackend(spec));
    return std::vector<std::shared_ptr<Backend>>{std::move(backend)};
}

Result<std::shared_ptr<Backend>> makeBackend(const std::string& spec) {
    if (spec.empty() || spec == "cpu")
        return std::shared_ptr<Backend>(std::make_shared<CpuBackend>());
    if (spec == "opencl" || spec.rfind("opencl:", 0) == 0) {
#ifdef ONNXSCOPE_HAVE_OPENCL
        auto backend = OpenClBackend::create(spec);
        if (!backend.ok())
            return backend.status().withContext("backend '" + spec + "': ");
        return std::shared_ptr<Backend>(std::move(backend).value());
#else
        return Status::error("backend '" + spec + "': this build has no OpenCL support");
#endif
    }
    std::string kinds;
    for (const std::string& k : availableBackendKinds())
        kinds += (kinds.empty() ? "" : ", ") + k;
    return Status::error("unknown backend '" + spec + "' (available: " + kinds + ")");
}

std::vector<std::string> availableBackendKinds() {
#ifdef ONNXSCOPE_HAVE_OPENCL
    return {"cpu", "opencl[:N|:NAME]"};
#else
    return {"cpu"};
#endif
}

} // namespace onnxscope
