#include "model_diff_window.h"

#include "views/graph_page.h"
#include "views/graph_view.h"
#include "views/model_diff_tree.h"
#include "views/node_overlay.h"

#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QFileInfo>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <unordered_map>

namespace onnxscope {

namespace {

const QColor kRemoved = ModelDiffTree::color(ChangeKind::Removed);
const QColor kAdded = ModelDiffTree::color(ChangeKind::Added);
const QColor kChanged = ModelDiffTree::color(ChangeKind::Changed);
using ModelDiffTree::kIndexBRole;
using ModelDiffTree::kIndexRole;
using ModelDiffTree::kSideRole;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString fieldsText(const NodeChange& change) {
    QStringList parts;
    for (const FieldChange& f : change.fields)
        parts << QStringLiteral("%1: %2 → %3").arg(qs(f.field), qs(f.before), qs(f.after));
    return parts.join(QLatin1Char('\n'));
}

} // namespace

struct ModelDiffWindow::Loaded {
    std::shared_ptr<const Model> b;
    ModelDiff diff;
    QString error;
};

ModelDiffWindow::ModelDiffWindow(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_pageA(new GraphPage)
    , m_pageB(new GraphPage)
    , m_changes(new QTreeWidget)
    , m_summary(new QLabel) {
    setWindowTitle(tr("Model Diff"));
    auto* graphs = new QSplitter(Qt::Horizontal);
    graphs->addWidget(m_pageA);
    graphs->addWidget(m_pageB);
    auto* vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(graphs);
    vertical->addWidget(m_changes);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    m_summary->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(vertical, 1);
    resize(1400, 900);

    connect(m_pageA, &GraphPage::nodeSelected, this,
            [this](const QString& name, const QString&) { syncSelection(0, name); });
    connect(m_pageB, &GraphPage::nodeSelected, this,
            [this](const QString& name, const QString&) { syncSelection(1, name); });
    connect(m_changes, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { onChangeActivated(item); });
}

ModelDiffWindow::~ModelDiffWindow() = default;

void ModelDiffWindow::open(std::shared_ptr<const Model> modelA, const QString& titleA, const QString& pathB) {
    const quint64 generation = ++m_generation;
    m_summary->setText(tr("Comparing %1 with %2…").arg(titleA, QFileInfo(pathB).fileName()));
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, modelA] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        Loaded loaded = watcher->result();
        if (!loaded.error.isEmpty()) {
            m_summary->setText(loaded.error);
            emit failed(loaded.error);
            return;
        }
        present(modelA, loaded.b, std::move(loaded.diff));
    });
    watcher->setFuture(QtConcurrent::run([modelA, pathB]() {
        Loaded out;
        auto b = Model::load(pathB.toStdString());
        if (!b.ok()) {
            out.error = tr("Cannot open %1: %2").arg(pathB, qs(b.message()));
            return out;
        }
        out.b = std::move(b).value();
        auto diff = diffModels(*modelA, *out.b);
        if (!diff.ok())
            out.error = tr("Cannot compare the models: %1").arg(qs(diff.message()));
        else
            out.diff = std::move(diff).value();
        out.b->inferredShapes(); // for the graph's edge labels, here rather than on the UI thread
        return out;
    }));
}

void ModelDiffWindow::present(std::shared_ptr<const Model> a, std::shared_ptr<const Model> b,
                              ModelDiff diff) {
    m_modelA = std::move(a);
    m_modelB = std::move(b);
    m_diff = std::move(diff);
    m_pageA->loadModel(m_modelA);
    m_pageB->loadModel(m_modelB);
    indexDisplayNodes();
    const QString nameA = qs(m_modelA->path().filename().string());
    const QString nameB = qs(m_modelB->path().filename().string());
    setWindowTitle(tr("Model Diff — %1 ↔ %2").arg(nameA, nameB));
    int added = 0, removed = 0, changed = 0;
    for (const NodeChange& c : m_diff.nodes)
        (c.kind == ChangeKind::Added ? added : c.kind == ChangeKind::Removed ? removed : changed)++;
    m_summary->setText(
        m_diff.isEmpty() ? tr("%1 and %2 have the same structure, weights and properties.").arg(nameA, nameB)
                         : tr("A: %1 (%2 nodes), B: %3 (%4 nodes). Nodes: %5 changed, %6 removed, %7 added, "
                              "%8 unchanged; %9 initializers and %10 properties differ.")
                               .arg(nameA)
                               .arg(m_diff.nodesA)
                               .arg(nameB)
                               .arg(m_diff.nodesB)
                               .arg(changed)
                               .arg(removed)
                               .arg(added)
                               .arg(m_diff.unchangedNodes)
                               .arg(m_diff.initializers.size())
                               .arg(m_diff.properties.size()));
    applyOverlays();
    fillChangeList();
    emit ready();
}

int ModelDiffWindow::displayNode(int side, int protoIndex) const {
    const std::vector<int>& map = m_displayOf[side];
    return protoIndex >= 0 && protoIndex < static_cast<int>(map.size()) ? map[static_cast<size_t>(protoIndex)]
                                                                        : -1;
}

void ModelDiffWindow::indexDisplayNodes() {
    for (int side = 0; side < 2; ++side) {
        const auto doc = (side == 0 ? m_pageA : m_pageB)->document();
        const Model& model = side == 0 ? *m_modelA : *m_modelB;
        m_displayOf[side].assign(static_cast<size_t>(model.proto().graph().node_size()), -1);
        if (!doc)
            continue;
        const auto& nodes = doc->graph->nodes();
        for (size_t n = 0; n < nodes.size(); ++n)
            if (nodes[n].protoIndex >= 0 && nodes[n].protoIndex < static_cast<int>(m_displayOf[side].size()))
                m_displayOf[side][static_cast<size_t>(nodes[n].protoIndex)] = static_cast<int>(n);
    }
}

void ModelDiffWindow::applyOverlays() {
    NodeOverlay overlays[2];
    auto mark = [&](int side, int protoIndex, const QColor& color, const QString& message) {
        const int node = displayNode(side, protoIndex);
        if (node < 0)
            return;
        NodeOverlayEntry& e = overlays[side].entryFor(node);
        e.fill = color;
        e.message = e.message.isEmpty() ? message : e.message + QLatin1Char('\n') + message;
    };
    for (const NodeChange& c : m_diff.nodes) {
        if (c.kind == ChangeKind::Removed)
            mark(0, c.indexA, kRemoved, tr("Removed in B"));
        else if (c.kind == ChangeKind::Added)
            mark(1, c.indexB, kAdded, tr("Added in B"));
        else {
            mark(0, c.indexA, kChanged, fieldsText(c));
            mark(1, c.indexB, kChanged, fieldsText(c));
        }
    }
    // A changed weight changes what its readers compute: one pass over each graph's inputs
    // (a converted model may change every weight).
    std::unordered_map<std::string, QString> changedWeights;
    for (const InitializerChange& init : m_diff.initializers)
        changedWeights[init.name] =
            init.kind == ChangeKind::Changed
                ? tr("Weight %1 differs (max abs %2)").arg(qs(init.name)).arg(init.maxAbsDiff, 0, 'g', 3)
                : tr("Weight %1 %2").arg(qs(init.name), qs(std::string(changeKindName(init.kind))));
    for (int side = 0; side < 2 && !changedWeights.empty(); ++side) {
        const auto& graph = (side == 0 ? m_modelA : m_modelB)->proto().graph();
        for (int i = 0; i < graph.node_size(); ++i)
            for (const auto& in : graph.node(i).input())
                if (auto it = changedWeights.find(in); it != changedWeights.end())
                    mark(side, i, kChanged, it->second);
    }
    m_pageA->view()->setOverlay(overlays[0]);
    m_pageB->view()->setOverlay(overlays[1]);
}

void ModelDiffWindow::fillChangeList() {
    ModelDiffTree::fill(m_changes, m_diff, tr("Model A"), tr("Model B"));
}

void ModelDiffWindow::syncSelection(int fromSide, const QString& nodeName) {
    if (m_syncing || !m_modelA || !m_modelB)
        return;
    const std::string name = nodeName.toStdString();
    int counterpart = -1;
    for (const NodeChange& c : m_diff.nodes) {
        if ((fromSide == 0 ? c.nameA : c.nameB) == name && c.kind == ChangeKind::Changed) {
            counterpart = fromSide == 0 ? c.indexB : c.indexA;
            break;
        }
    }
    if (counterpart < 0) { // unchanged nodes keep their names
        const auto& graph = (fromSide == 0 ? m_modelB : m_modelA)->proto().graph();
        for (int i = 0; i < graph.node_size() && counterpart < 0; ++i)
            if (!name.empty() && graph.node(i).name() == name)
                counterpart = i;
    }
    const int node = displayNode(1 - fromSide, counterpart);
    if (node < 0)
        return;
    m_syncing = true;
    (fromSide == 0 ? m_pageB : m_pageA)->revealAndSelect(node);
    m_syncing = false;
}

void ModelDiffWindow::onChangeActivated(QTreeWidgetItem* item) {
    if (!item || !item->data(0, kSideRole).isValid())
        return;
    const int side = item->data(0, kSideRole).toInt();
    m_syncing = true;
    if (side != 1)
        if (const int a = displayNode(0, item->data(0, kIndexRole).toInt()); a >= 0)
            m_pageA->revealAndSelect(a);
    if (side != 0)
        if (const int b = displayNode(1, item->data(0, kIndexBRole).toInt()); b >= 0)
            m_pageB->revealAndSelect(b);
    m_syncing = false;
}

} // namespace onnxscope
