// A ModelDiff as rows of a QTreeWidget: nodes (each with its changed fields), initializers and
// model properties, grouped, with before/after columns and nodes coloured by kind. Shared by
// Compare → Diff with Model and the save review, so both describe a change the same way.
#pragma once

#include "core/model_diff.h"

#include <QColor>

class QTreeWidget;

namespace onnxscope {

namespace ModelDiffTree {

// On node rows (column 0): which side the node is on (0 before, 1 after, 2 both) and its
// graph.node index on each side.
constexpr int kSideRole = Qt::UserRole + 1;
constexpr int kIndexRole = Qt::UserRole + 2; // index on side A, or on B when only there
constexpr int kIndexBRole = Qt::UserRole + 3;

QColor color(ChangeKind kind);

// Replaces the tree's rows; beforeTitle/afterTitle head the value columns.
void fill(QTreeWidget* tree, const ModelDiff& diff, const QString& beforeTitle, const QString& afterTitle);

} // namespace ModelDiffTree

} // namespace onnxscope
