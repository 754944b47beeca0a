#include "opencl_device.h"

#include <CL/cl_ext.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace onnxscope {

namespace {

std::string platformString(cl_platform_id platform, cl_platform_info what) {
    size_t size = 0;
    if (clGetPlatformInfo(platform, what, 0, nullptr, &size) != CL_SUCCESS || size == 0)
        return {};
    std::string text(size, '\0');
    if (clGetPlatformInfo(platform, what, size, text.data(), nullptr) != CL_SUCCESS)
        return {};
    text.resize(std::strlen(text.c_str()));
    return text;
}

std::string deviceString(cl_device_id device, cl_device_info what) {
    size_t size = 0;
    if (clGetDeviceInfo(device, what, 0, nullptr, &size) != CL_SUCCESS || size == 0)
        return {};
    std::string text(size, '\0');
    if (clGetDeviceInfo(device, what, size, text.data(), nullptr) != CL_SUCCESS)
        return {};
    text.resize(std::strlen(text.c_str()));
    return text;
}

template <typename T> T deviceValue(cl_device_id device, cl_device_info what) {
    T value{};
    if (clGetDeviceInfo(device, what, sizeof(T), &value, nullptr) != CL_SUCCESS)
        return T{}; // a property the driver does not report reads as zero (unknown)
    return value;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text;
}

} // namespace

std::string openClErrorName(cl_int code) {
    const char* name = "unknown OpenCL error";
    switch (code) {
    case CL_DEVICE_NOT_FOUND:
        name = "CL_DEVICE_NOT_FOUND";
        break;
    case CL_DEVICE_NOT_AVAILABLE:
        name = "CL_DEVICE_NOT_AVAILABLE";
        break;
    case CL_COMPILER_NOT_AVAILABLE:
        name = "CL_COMPILER_NOT_AVAILABLE";
        break;
    case CL_MEM_OBJECT_ALLOCATION_FAILURE:
        name = "CL_MEM_OBJECT_ALLOCATION_FAILURE";
        break;
    case CL_OUT_OF_RESOURCES:
        name = "CL_OUT_OF_RESOURCES";
        break;
    case CL_OUT_OF_HOST_MEMORY:
        name = "CL_OUT_OF_HOST_MEMORY";
        break;
    case CL_PROFILING_INFO_NOT_AVAILABLE:
        name = "CL_PROFILING_INFO_NOT_AVAILABLE";
        break;
    case CL_BUILD_PROGRAM_FAILURE:
        name = "CL_BUILD_PROGRAM_FAILURE";
        break;
    case CL_INVALID_VALUE:
        name = "CL_INVALID_VALUE";
        break;
    case CL_INVALID_DEVICE:
        name = "CL_INVALID_DEVICE";
        break;
    case CL_INVALID_BINARY:
        name = "CL_INVALID_BINARY";
        break;
    case CL_INVALID_BUFFER_SIZE:
        name = "CL_INVALID_BUFFER_SIZE";
        break;
    case CL_INVALID_KERNEL_NAME:
        name = "CL_INVALID_KERNEL_NAME";
        break;
    case CL_INVALID_KERNEL_ARGS:
        name = "CL_INVALID_KERNEL_ARGS";
        break;
    case CL_INVALID_ARG_SIZE:
        name = "CL_INVALID_ARG_SIZE";
        break;
    case CL_INVALID_ARG_VALUE:
        name = "CL_INVALID_ARG_VALUE";
        break;
    case CL_INVALID_WORK_GROUP_SIZE:
        name = "CL_INVALID_WORK_GROUP_SIZE";
        break;
    case CL_INVALID_GLOBAL_WORK_SIZE:
        name = "CL_INVALID_GLOBAL_WORK_SIZE";
        break;
    case CL_INVALID_MEM_OBJECT:
        name = "CL_INVALID_MEM_OBJECT";
        break;
    case CL_INVALID_OPERATION:
        name = "CL_INVALID_OPERATION";
        break;
    case CL_PLATFORM_NOT_FOUND_KHR:
        name = "CL_PLATFORM_NOT_FOUND_KHR (no OpenCL platform is installed)";
        break;
    default:
        break;
    }
    return std::string(name) + " (" + std::to_string(code) + ")";
}

Result<std::vector<OpenClDeviceInfo>> listOpenClDevices() {
    cl_uint platformCount = 0;
    cl_int err = clGetPlatformIDs(0, nullptr, &platformCount);
    if (err == CL_PLATFORM_NOT_FOUND_KHR || (err == CL_SUCCESS && platformCount == 0))
        return Status::error(
            "no OpenCL platform found (is an OpenCL driver/ICD installed, e.g. pocl-opencl-icd?)");
    if (err != CL_SUCCESS)
        return Status::error("clGetPlatformIDs failed: " + openClErrorName(err));
    std::vector<cl_platform_id> platforms(platformCount);
    err = clGetPlatformIDs(platformCount, platforms.data(), nullptr);
    if (err != CL_SUCCESS)
        return Status::error("clGetPlatformIDs failed: " + openClErrorName(err));

    std::vector<OpenClDeviceInfo> devices;
    for (cl_platform_id platform : platforms) {
        cl_uint deviceCount = 0;
        if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr, &deviceCount) != CL_SUCCESS ||
            deviceCount == 0)
            continue;
        std::vector<cl_device_id> ids(deviceCount);
        if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, deviceCount, ids.data(), nullptr) != CL_SUCCESS)
            continue; // a platform that cannot list its devices offers none

        for (cl_device_id id : ids) {
            OpenClDeviceInfo info;
            info.index = static_cast<int>(devices.size());
            info.platform = platform;
            info.device = id;
            info.platformName = platformString(platform, CL_PLATFORM_NAME);
            info.platformVersion = platformString(platform, CL_PLATFORM_VERSION);
            info.name = deviceString(id, CL_DEVICE_NAME);
            info.vendor = deviceString(id, CL_DEVICE_VENDOR);
            info.driverVersion = deviceString(id, CL_DRIVER_VERSION);
            info.deviceVersion = deviceString(id, CL_DEVICE_VERSION);
            const auto type = deviceValue<cl_device_type>(id, CL_DEVICE_TYPE);
            info.isGpu = (type & CL_DEVICE_TYPE_GPU) != 0;
            info.type = info.isGpu                                 ? "GPU"
                        : (type & CL_DEVICE_TYPE_CPU) != 0         ? "CPU"
                        : (type & CL_DEVICE_TYPE_ACCELERATOR) != 0 ? "accelerator"
                                                                   : "other";
            info.globalMemoryBytes = deviceValue<cl_ulong>(id, CL_DEVICE_GLOBAL_MEM_SIZE);
            info.maxAllocationBytes = deviceValue<cl_ulong>(id, CL_DEVICE_MAX_MEM_ALLOC_SIZE);
            info.localMemoryBytes = deviceValue<cl_ulong>(id, CL_DEVICE_LOCAL_MEM_SIZE);
            info.computeUnits = static_cast<int>(deviceValue<cl_uint>(id, CL_DEVICE_MAX_COMPUTE_UNITS));
            info.maxClockMhz = static_cast<int>(deviceValue<cl_uint>(id, CL_DEVICE_MAX_CLOCK_FREQUENCY));
            info.available = deviceValue<cl_bool>(id, CL_DEVICE_AVAILABLE) != CL_FALSE;
            devices.push_back(std::move(info));
        }
    }
    if (devices.empty())
        return Status::error("OpenCL platforms were found but none has a device");
    return devices;
}

Result<OpenClDeviceInfo> selectOpenClDevice(const std::string& spec) {
    OS_ASSIGN_OR_RETURN(std::vector<OpenClDeviceInfo> devices, listOpenClDevices());
    std::string what = spec;
    if (what.rfind("opencl", 0) == 0) {
        what = what.substr(6);
        if (!what.empty() && what[0] == ':')
            what = what.substr(1);
    }
    if (what.empty()) {
        for (const auto& d : devices)
            if (d.isGpu && d.available)
                return d;
        return devices.front();
    }
    if (std::all_of(what.begin(), what.end(), [](unsigned char c) { return std::isdigit(c); })) {
        const long index = std::strtol(what.c_str(), nullptr, 10);
        if (index < 0 || index >= static_cast<long>(devices.size()))
            return Status::error("OpenCL device " + what + " does not exist (there are " +
                                 std::to_string(devices.size()) + " devices; see 'onnxscope-cli devices')");
        return devices[static_cast<size_t>(index)];
    }
    for (const auto& d : devices)
        if (lower(d.name).find(lower(what)) != std::string::npos)
            return d;
    return Status::error("no OpenCL device name contains '" + what + "' (see 'onnxscope-cli devices')");
}

} // namespace onnxscope
