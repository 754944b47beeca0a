#include "component_versions.h"

#include <QCoreApplication>

#include <google/protobuf/stubs/common.h>

#ifdef ONNXSCOPE_HAVE_GRAPHVIZ
#include <graphviz/graphviz_version.h>
#endif
#ifdef ONNXSCOPE_HAVE_DNNL
#include <oneapi/dnnl/dnnl.h>
#endif
#ifdef ONNXSCOPE_HAVE_CLBLAST
#include <clblast.h>
#endif
#ifdef ONNXSCOPE_HAVE_OPENCL
#include <CL/cl.h>
#endif

#include <vector>

namespace onnxscope {

namespace {

#ifdef ONNXSCOPE_HAVE_OPENCL
QString platformString(cl_platform_id platform, cl_platform_info what) {
    size_t size = 0;
    if (clGetPlatformInfo(platform, what, 0, nullptr, &size) != CL_SUCCESS || size == 0)
        return {};
    std::vector<char> text(size);
    if (clGetPlatformInfo(platform, what, size, text.data(), nullptr) != CL_SUCCESS)
        return {};
    return QString::fromUtf8(text.data()).trimmed();
}

QString deviceString(cl_device_id device, cl_device_info what) {
    size_t size = 0;
    if (clGetDeviceInfo(device, what, 0, nullptr, &size) != CL_SUCCESS || size == 0)
        return {};
    std::vector<char> text(size);
    if (clGetDeviceInfo(device, what, size, text.data(), nullptr) != CL_SUCCESS)
        return {};
    return QString::fromUtf8(text.data()).trimmed();
}

QString deviceType(cl_device_id device) {
    cl_device_type type = 0;
    if (clGetDeviceInfo(device, CL_DEVICE_TYPE, sizeof(type), &type, nullptr) != CL_SUCCESS)
        return QStringLiteral("?");
    if (type & CL_DEVICE_TYPE_GPU)
        return QStringLiteral("GPU");
    if (type & CL_DEVICE_TYPE_CPU)
        return QStringLiteral("CPU");
    if (type & CL_DEVICE_TYPE_ACCELERATOR)
        return QStringLiteral("Accelerator");
    return QStringLiteral("Other");
}
#endif

} // namespace

QList<QPair<QString, QString>> ComponentVersions::libraries() {
    const QString notLinked = tr("not linked");
    QList<QPair<QString, QString>> out;
    out.append({QStringLiteral("ONNX Scope"), QStringLiteral(ONNXSCOPE_VERSION)});
    out.append(
        {QStringLiteral("Qt"),
         tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))});
    out.append({QStringLiteral("ONNX"), QStringLiteral(ONNXSCOPE_ONNX_VERSION)});
    constexpr int pb = GOOGLE_PROTOBUF_VERSION;
    out.append({QStringLiteral("Protocol Buffers"),
                QStringLiteral("%1.%2.%3").arg(pb / 1000000).arg(pb / 1000 % 1000).arg(pb % 1000)});
#ifdef ONNXSCOPE_HAVE_GRAPHVIZ
    out.append({QStringLiteral("Graphviz"), QStringLiteral(PACKAGE_VERSION)});
#else
    out.append({QStringLiteral("Graphviz"), notLinked});
#endif
#ifdef ONNXSCOPE_HAVE_DNNL
    const dnnl_version_t* dnnl = dnnl_version();
    out.append({QStringLiteral("oneDNN"),
                QStringLiteral("%1.%2.%3").arg(dnnl->major).arg(dnnl->minor).arg(dnnl->patch)});
#else
    out.append({QStringLiteral("oneDNN"), notLinked});
#endif
#ifdef ONNXSCOPE_HAVE_CLBLAST
    out.append({QStringLiteral("CLBlast"), QStringLiteral("%1.%2.%3")
                                               .arg(CLBLAST_VERSION_MAJOR)
                                               .arg(CLBLAST_VERSION_MINOR)
                                               .arg(CLBLAST_VERSION_PATCH)});
#else
    out.append({QStringLiteral("CLBlast"), notLinked});
#endif
#ifdef ONNXSCOPE_HAVE_OPENCL
    out.append({QStringLiteral("OpenCL"), tr("ICD loader linked")});
#else
    out.append({QStringLiteral("OpenCL"), notLinked});
#endif
    return out;
}

QStringList ComponentVersions::openClDevices(QString* error) {
    QStringList out;
#ifdef ONNXSCOPE_HAVE_OPENCL
    cl_uint platformCount = 0;
    const cl_int rc = clGetPlatformIDs(0, nullptr, &platformCount);
    if (rc != CL_SUCCESS || platformCount == 0) {
        if (error)
            *error = tr("No OpenCL platform found (clGetPlatformIDs returned %1).").arg(rc);
        return out;
    }
    std::vector<cl_platform_id> platforms(platformCount);
    if (clGetPlatformIDs(platformCount, platforms.data(), nullptr) != CL_SUCCESS)
        return out;
    for (cl_platform_id platform : platforms) {
        const QString platformName = platformString(platform, CL_PLATFORM_NAME);
        cl_uint deviceCount = 0;
        if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr, &deviceCount) != CL_SUCCESS ||
            deviceCount == 0)
            continue;
        std::vector<cl_device_id> devices(deviceCount);
        if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, deviceCount, devices.data(), nullptr) != CL_SUCCESS)
            continue;
        for (cl_device_id device : devices)
            out << QStringLiteral("%1: %2 (%3, %4)")
                       .arg(platformName, deviceString(device, CL_DEVICE_NAME), deviceType(device),
                            deviceString(device, CL_DEVICE_VERSION));
    }
    if (out.isEmpty() && error)
        *error = tr("OpenCL platforms were found but they report no devices.");
#else
    if (error)
        *error = tr("This build has no OpenCL support.");
#endif
    return out;
}

} // namespace onnxscope
