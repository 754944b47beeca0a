#include "model_diff_tree.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QTreeWidget>

namespace onnxscope::ModelDiffTree {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString tr(const char* text) {
    return QCoreApplication::translate("ModelDiffTree", text);
}

} // namespace

QColor color(ChangeKind kind) {
    switch (kind) {
    case ChangeKind::Added:
        return QColor(0xa5, 0xd6, 0xa7);
    case ChangeKind::Removed:
        return QColor(0xef, 0x9a, 0x9a);
    case ChangeKind::Changed:
        break;
    }
    return QColor(0xff, 0xcc, 0x80);
}

void fill(QTreeWidget* tree, const ModelDiff& diff, const QString& beforeTitle, const QString& afterTitle) {
    tree->clear();
    tree->setColumnCount(3);
    tree->setHeaderLabels({tr("Difference"), beforeTitle, afterTitle});
    tree->header()->setStretchLastSection(true);
    tree->setRootIsDecorated(true);
    auto group = [&](const QString& title, int count) {
        auto* item = new QTreeWidgetItem(tree, {tr("%1 (%2)").arg(title).arg(count)});
        item->setExpanded(true);
        return item;
    };
    {
        QTreeWidgetItem* nodes = group(tr("Nodes"), static_cast<int>(diff.nodes.size()));
        for (const NodeChange& c : diff.nodes) {
            const QString kind = c.kind == ChangeKind::Added     ? tr("added")
                                 : c.kind == ChangeKind::Removed ? tr("removed")
                                                                 : tr("changed");
            auto* item = new QTreeWidgetItem(
                nodes, {tr("%1 %2 (%3)").arg(kind, qs(c.label()), qs(c.opType)), qs(c.nameA), qs(c.nameB)});
            item->setData(0, kSideRole,
                          c.kind == ChangeKind::Added     ? 1
                          : c.kind == ChangeKind::Removed ? 0
                                                          : 2);
            item->setData(0, kIndexRole, c.indexA);
            item->setData(0, kIndexBRole, c.indexB);
            item->setBackground(0, color(c.kind));
            for (const FieldChange& f : c.fields)
                new QTreeWidgetItem(item, {qs(f.field), qs(f.before), qs(f.after)});
        }
    }
    {
        QTreeWidgetItem* inits = group(tr("Initializers"), static_cast<int>(diff.initializers.size()));
        for (const InitializerChange& c : diff.initializers) {
            const QString detail = c.problem.empty() && c.kind == ChangeKind::Changed
                                       ? tr("max abs difference %1 in %2 elements")
                                             .arg(c.maxAbsDiff, 0, 'g', 3)
                                             .arg(c.changedElements)
                                       : qs(c.problem);
            new QTreeWidgetItem(
                inits, {tr("%1 %2").arg(qs(std::string(changeKindName(c.kind))), qs(c.name)), qs(c.typeA),
                        qs(c.typeB) + (detail.isEmpty() ? QString() : QStringLiteral("  ") + detail)});
        }
    }
    {
        QTreeWidgetItem* props = group(tr("Properties"), static_cast<int>(diff.properties.size()));
        for (const PropertyChange& p : diff.properties)
            new QTreeWidgetItem(props, {qs(p.property), qs(p.before), qs(p.after)});
    }
    tree->resizeColumnToContents(0);
}

} // namespace onnxscope::ModelDiffTree
