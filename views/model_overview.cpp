#include "model_overview.h"

#include "core/model.h"
#include "core/model_summary.h"

#include <onnx/onnx_pb.h>

#include <algorithm>

namespace onnxscope {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

OverviewValueInfo valueInfo(const ValueSummary& value) {
    return {qs(value.name), qs(value.elementType), value.hasShape ? qs(value.shapeText()) : QString()};
}

} // namespace

ModelOverview ModelOverview::fromModel(const Model& model) {
    const ModelSummary s = summarizeModel(model);
    ModelOverview out;
    out.irVersion = s.irVersion;
    out.producerName = qs(s.producerName);
    out.producerVersion = qs(s.producerVersion);
    out.domain = qs(s.domain);
    out.modelVersion = s.modelVersion;
    out.docString = qs(s.docString);
    out.graphName = qs(s.graphName);
    out.nodeCount = s.nodeCount;
    out.nodeCountTotal = s.nodeCountTotal;
    out.initializerCount = s.initializerCount;
    out.initializerBytes = s.initializerBytes;
    for (const auto& [domain, version] : s.opsetImports)
        out.opsets.append({qs(domain), version});
    for (const auto& input : s.inputs)
        out.inputs.append(valueInfo(input));
    for (const auto& output : s.outputs)
        out.outputs.append(valueInfo(output));
    for (const auto& [key, value] : s.metadata)
        out.metadata.append({qs(key), qs(value)});

    // The histogram keys ops outside ai.onnx as "domain::Op"; the table shows domain apart.
    for (const auto& [key, count] : s.opHistogram) {
        const QString name = qs(key);
        const qsizetype sep = name.lastIndexOf(QLatin1String("::"));
        if (sep < 0)
            out.opCounts.append({QString(), name, count});
        else
            out.opCounts.append({name.left(sep), name.mid(sep + 2), count});
    }
    std::sort(out.opCounts.begin(), out.opCounts.end(),
              [](const OverviewOpCount& a, const OverviewOpCount& b) {
                  if (a.count != b.count)
                      return a.count > b.count;
                  if (a.domain != b.domain)
                      return a.domain < b.domain;
                  return a.opType < b.opType;
              });

    for (const auto& function : model.proto().functions()) {
        OverviewFunction f;
        f.domain = qs(function.domain());
        f.name = qs(function.name());
        f.nodeCount = function.node_size();
        for (const auto& input : function.input())
            f.inputs << qs(input);
        for (const auto& output : function.output())
            f.outputs << qs(output);
        out.functions.append(f);
    }
    return out;
}

} // namespace onnxscope
