// The OpenCL C sources of the device kernels, embedded at build time from
// exec/opencl/kernels/*.cl (see embed_cl.cmake), so the library needs no files at run time.
#pragma once

#include <string>
#include <vector>

namespace onnxscope {

struct OpenClSource {
    std::string fileName; // "elementwise.cl"
    std::string text;
};

const std::vector<OpenClSource>& openClSources();

} // namespace onnxscope
