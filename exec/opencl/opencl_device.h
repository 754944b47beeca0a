// OpenCL device discovery through the ICD loader: every platform and device with the facts a
// user picks a device by, and selection from a command-line spec ("opencl", "opencl:N",
// "opencl:NAME"). Returns errors (no ICD, no platform, no match) as values.
#pragma once

#include "core/status.h"

#include <CL/cl.h>

#include <cstdint>
#include <string>
#include <vector>

namespace onnxscope {

struct OpenClDeviceInfo {
    int index = 0; // position in the flattened list over all platforms
    cl_platform_id platform = nullptr;
    cl_device_id device = nullptr;
    std::string platformName;
    std::string platformVersion;
    std::string name;
    std::string vendor;
    std::string driverVersion;
    std::string deviceVersion;
    std::string type; // "GPU", "CPU", "accelerator", ...
    bool isGpu = false;
    uint64_t globalMemoryBytes = 0;
    uint64_t maxAllocationBytes = 0;
    uint64_t localMemoryBytes = 0;
    int computeUnits = 0;
    int maxClockMhz = 0;
    bool available = true;
};

// Every device of every platform, platforms in ICD order.
Result<std::vector<OpenClDeviceInfo>> listOpenClDevices();

// spec: "" or "opencl" picks the first GPU, else the first device; "N" or "opencl:N" the device
// with that index; any other text the first device whose name contains it (case-insensitive).
Result<OpenClDeviceInfo> selectOpenClDevice(const std::string& spec);

// "CL_OUT_OF_RESOURCES (-5)" for messages.
std::string openClErrorName(cl_int code);

} // namespace onnxscope
