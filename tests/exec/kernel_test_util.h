// Compact builders for kernel tests: tensors from initializer lists, nodes from op type and
// attributes, and a tolerance check that prints where values differ.
#pragma once

#include "exec/cpu/cpu_kernels.h"
#include "exec/cpu/type_dispatch.h"
#include "exec/kernel_registry.h"
#include "exec/kernel_runner.h"

#include <QTest>

#include <cmath>
#include <random>
#include <sstream>

namespace onnxscope::test {

inline const KernelRegistry& cpuRegistry() {
    static const KernelRegistry registry = [] {
        KernelRegistry r;
        registerCpuKernels(r);
        return r;
    }();
    return registry;
}

template <typename T> Tensor makeTensor(Shape shape, std::vector<T> values) {
    Tensor t(dataTypeOf<T>(), std::move(shape));
    T* out = t.data<T>();
    for (size_t i = 0; i < values.size() && i < static_cast<size_t>(t.elementCount()); ++i)
        out[i] = values[i];
    return t;
}

inline Attribute intAttr(std::string name, int64_t v) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::Int;
    a.i = v;
    return a;
}
inline Attribute floatAttr(std::string name, float v) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::Float;
    a.f = v;
    return a;
}
inline Attribute stringAttr(std::string name, std::string v) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::String;
    a.s = std::move(v);
    return a;
}
inline Attribute intsAttr(std::string name, std::vector<int64_t> v) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::Ints;
    a.ints = std::move(v);
    return a;
}
inline Attribute floatsAttr(std::string name, std::vector<float> v) {
    Attribute a;
    a.name = std::move(name);
    a.type = Attribute::Type::Floats;
    a.floats = std::move(v);
    return a;
}

inline NodeDesc makeNode(std::string opType, int inputs, int outputs, std::vector<Attribute> attrs = {},
                         int opset = 21, std::string domain = "") {
    NodeDesc n;
    n.opType = std::move(opType);
    n.name = n.opType + "_test";
    n.domain = std::move(domain);
    n.opsetVersion = opset;
    for (int i = 0; i < inputs; ++i)
        n.inputs.push_back("in" + std::to_string(i));
    for (int i = 0; i < outputs; ++i)
        n.outputs.push_back("out" + std::to_string(i));
    n.attributes = std::move(attrs);
    return n;
}

// Runs the node on the CPU registry; fails the test with the engine's message on error.
inline std::vector<Value> run(const NodeDesc& node, std::vector<Value> inputs) {
    auto result = runNode(cpuRegistry(), node, inputs);
    if (!result.ok()) {
        QTest::qFail(result.message().c_str(), __FILE__, __LINE__);
        return {};
    }
    return std::move(result).value();
}

// The first output of a node run on the CPU registry (undefined if the run failed the test).
inline Tensor out0(const NodeDesc& node, std::vector<Value> inputs) {
    auto outputs = run(node, std::move(inputs));
    return outputs.empty() ? Tensor() : outputs[0].tensor;
}

// The engine's message for a node that must fail; empty when it unexpectedly succeeds.
inline std::string errorOf(const NodeDesc& node, const std::vector<Value>& inputs) {
    auto result = runNode(cpuRegistry(), node, inputs);
    return result.ok() ? std::string() : result.message();
}

inline Tensor ints(Shape shape, std::vector<int64_t> values) {
    return makeTensor<int64_t>(std::move(shape), std::move(values));
}
inline Tensor floats(Shape shape, std::vector<float> values) {
    return makeTensor<float>(std::move(shape), std::move(values));
}

// Uniform float32 values in [lo, hi) from a seeded generator.
inline Tensor randomTensor(Shape shape, std::mt19937& rng, float lo = -1.0f, float hi = 1.0f) {
    Tensor t(DataType::Float, std::move(shape));
    std::uniform_real_distribution<float> dist(lo, hi);
    for (float& v : t.mutableValues<float>())
        v = dist(rng);
    return t;
}

// |actual - expected| <= atol + rtol * |expected| elementwise, shapes equal.
inline bool allClose(const Tensor& actual, const Tensor& expected, double rtol = 1e-5, double atol = 1e-6,
                     std::string* why = nullptr) {
    std::ostringstream msg;
    if (actual.shape() != expected.shape()) {
        msg << "shape " << shapeToString(actual.shape()) << " != expected "
            << shapeToString(expected.shape());
    } else if (actual.dataType() != expected.dataType()) {
        msg << "type " << dataTypeName(actual.dataType()) << " != expected "
            << dataTypeName(expected.dataType());
    } else {
        for (int64_t i = 0; i < actual.elementCount(); ++i) {
            double a = actual.elementAsDouble(i), e = expected.elementAsDouble(i);
            if (std::isnan(e) ? !std::isnan(a)
                              : !(a == e || std::fabs(a - e) <= atol + rtol * std::fabs(e))) {
                msg << "element " << i << ": " << a << " != expected " << e;
                break;
            }
        }
    }
    if (why)
        *why = msg.str();
    return msg.str().empty();
}

} // namespace onnxscope::test

#define OS_COMPARE_TENSORS(actual, expected, rtol, atol)                                                     \
    do {                                                                                                     \
        std::string why_;                                                                                    \
        if (!::onnxscope::test::allClose((actual), (expected), (rtol), (atol), &why_))                       \
            QFAIL(why_.c_str());                                                                             \
    } while (0)
