// A UI-ready summary of an ONNX model: header fields, opsets, graph inputs and outputs, node
// counts per operator, metadata and model-local functions.
//
// It converts core's ModelSummary (the same numbers `onnxscope-cli info` prints) into Qt
// strings and adds per-function details. It is a plain value, so it can be computed on the
// loading thread and handed to the UI thread by copy; the panel never walks the protobuf.
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace onnxscope {

class Model;

struct OverviewValueInfo {
    QString name;
    QString type;  // "float", "sequence(int64)", "map(string,float)", ...
    QString shape; // "[N,3,224,224]": symbolic dims keep their names, unknown dims are "?"
};

struct OverviewOpCount {
    QString domain; // empty for the default ONNX domain
    QString opType;
    int count = 0;
};

struct OverviewOpset {
    QString domain;
    qint64 version = 0;
};

struct OverviewFunction {
    QString domain;
    QString name;
    int nodeCount = 0;
    QStringList inputs;
    QStringList outputs;
};

struct ModelOverview {
    qint64 irVersion = 0;
    QString producerName;
    QString producerVersion;
    QString domain;
    qint64 modelVersion = 0;
    QString docString;
    QString graphName;
    int nodeCount = 0;      // top-level graph only
    int nodeCountTotal = 0; // with subgraph bodies and model-local functions
    int initializerCount = 0;
    quint64 initializerBytes = 0;
    QList<OverviewOpset> opsets;
    QList<OverviewValueInfo> inputs; // graph inputs that are not initializers
    QList<OverviewValueInfo> outputs;
    QList<OverviewOpCount> opCounts; // every graph node, subgraphs included; most frequent first
    QList<QPair<QString, QString>> metadata;
    QList<OverviewFunction> functions;

    static ModelOverview fromModel(const Model& model);
};

} // namespace onnxscope
