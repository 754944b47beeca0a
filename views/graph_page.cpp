#include "graph_page.h"
#include "graph_search_panel.h"
#include "graph_view.h"
#include "layout_controller.h"
#include "node_properties_panel.h"

#include "core/model.h"

#include <onnx/onnx_pb.h>

#include <QAction>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QShortcut>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace onnxscope {

GraphPage::GraphPage(QWidget* parent)
    : QWidget(parent)
    , m_view(new GraphView(this))
    , m_search(new GraphSearchPanel(this))
    , m_properties(new NodePropertiesPanel(this))
    , m_layout(new LayoutController(this))
    , m_breadcrumbBar(new QWidget(this))
    , m_breadcrumbLayout(new QHBoxLayout(m_breadcrumbBar))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
    , m_status(new QLabel(this)) {
    m_breadcrumbLayout->setContentsMargins(4, 2, 4, 2);
    m_breadcrumbLayout->setSpacing(2);

    auto addPageAction = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        QWidget::addAction(action); // so the shortcut works anywhere inside the page
        m_actions << action;
        return action;
    };
    addPageAction(tr("Fit to View"), QKeySequence(Qt::CTRL | Qt::Key_0), [this] { m_view->fitToView(); });
    addPageAction(tr("Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_1),
                  [this] { m_view->zoomToActualSize(); });
    addPageAction(tr("Zoom to Selection"), QKeySequence(Qt::Key_Z), [this] { m_view->zoomToSelection(); });
    addPageAction(tr("Expand All Blocks"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                  [this] { expandAll(); });
    addPageAction(tr("Collapse All Blocks"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                  [this] { collapseAll(); });
    addPageAction(tr("Find in Graph"), QKeySequence::Find, [this] { showSearch(); });
    addPageAction(tr("Export Graph as SVG…"), QKeySequence(), [this] { exportWithDialog(true); });
    addPageAction(tr("Export Graph as PNG…"), QKeySequence(), [this] { exportWithDialog(false); });
    m_minimapAction = new QAction(tr("Show &Minimap"), this);
    m_minimapAction->setCheckable(true);
    m_minimapAction->setChecked(true);
    connect(m_minimapAction, &QAction::toggled, m_view, &GraphView::setMinimapVisible);
    m_actions << m_minimapAction;

    m_progress->setMaximumWidth(220);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the running layout"));
    m_cancel->hide();
    auto* statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(4, 0, 4, 2);
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_cancel);

    auto* centre = new QWidget(this);
    auto* centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->setSpacing(0);
    centreLayout->addWidget(m_breadcrumbBar);
    centreLayout->addWidget(m_view, 1);
    centreLayout->addLayout(statusRow);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_search);
    splitter->addWidget(centre);
    splitter->addWidget(m_properties);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({200, 800, 300});
    // The graph gets the page: the search list appears on Ctrl+F, the properties on selection.
    m_search->hide();
    m_properties->hide();
    auto* hideSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_search, nullptr, nullptr,
                                     Qt::WidgetWithChildrenShortcut);
    connect(hideSearch, &QShortcut::activated, this, [this] {
        m_search->hide();
        m_view->setFocus();
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_layout->cancel();
        m_progress->hide();
        m_cancel->hide();
        m_status->setText(tr("Layout cancelled."));
    });
    connect(m_layout, &LayoutController::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("Layout %v/%m blocks"));
    });
    connect(m_layout, &LayoutController::finished, this, &GraphPage::onLayoutFinished);
    connect(m_layout, &LayoutController::failed, this, [this](quint64, const QString& message) {
        m_progress->hide();
        m_cancel->hide();
        m_status->setText(tr("Layout failed: %1").arg(message));
    });

    connect(m_view, &GraphView::nodeSelected, this, [this](int node) {
        showProperties(true);
        m_properties->showNode(node);
        const DisplayNode& n = document()->graph->nodes()[static_cast<size_t>(node)];
        emit nodeSelected(n.name, n.opType);
    });
    connect(m_view, &GraphView::tensorSelected, this, [this](int tensor) {
        showProperties(true);
        m_properties->showTensor(tensor);
        emit tensorSelected(document()->graph->tensors()[static_cast<size_t>(tensor)].name);
    });
    connect(m_view, &GraphView::blockSelected, this, [this](int block) {
        showProperties(true);
        m_properties->showBlock(block);
    });
    connect(m_view, &GraphView::selectionCleared, this, [this] { showProperties(false); });
    connect(m_view, &GraphView::blockToggleRequested, this, &GraphPage::toggleBlock);
    connect(m_view, &GraphView::revealRequested, this, &GraphPage::revealAndSelect);
    connect(m_view, &GraphView::nodeActivated, this, &GraphPage::chooseSubgraph);
    connect(m_search, &GraphSearchPanel::nodeChosen, this, &GraphPage::revealAndSelect);
    connect(m_search, &GraphSearchPanel::tensorChosen, this, [this](int tensor) {
        showProperties(true);
        m_properties->showTensor(tensor);
        const DisplayTensor& t = document()->graph->tensors()[static_cast<size_t>(tensor)];
        // Show where the tensor comes from, or its first user for initializers.
        const int node = t.producer >= 0 ? t.producer : (t.consumers.empty() ? -1 : t.consumers.front());
        if (node >= 0)
            revealAndSelect(node);
        m_properties->showTensor(tensor);
    });
    connect(m_properties, &NodePropertiesPanel::subgraphRequested, this,
            [this](int node, const QString& attribute) { openSubgraph(node, attribute); });
    rebuildBreadcrumb();
}

GraphPage::~GraphPage() = default;

void GraphPage::loadModel(std::shared_ptr<const Model> model) {
    if (!model) {
        clear();
        return;
    }
    // Aliasing pointer: the proto lives exactly as long as the model does.
    std::shared_ptr<const onnx::ModelProto> proto(model, &model->proto());
    const QString title = QString::fromStdString(model->path().filename().string());
    m_levels.clear();
    // The loader thread has usually computed the inferred shapes already; this only waits for
    // them after an edit, and then on a light copy.
    pushLevel(DisplayGraph::fromModel(std::move(proto), title, model->inferredShapes()), title);
}

void GraphPage::loadModelProto(std::shared_ptr<const onnx::ModelProto> model, const QString& title) {
    m_levels.clear();
    pushLevel(DisplayGraph::fromModel(std::move(model), title), title);
}

void GraphPage::clear() {
    m_layout->cancel();
    m_levels.clear();
    m_view->setDocument(nullptr);
    m_search->setDocument(nullptr);
    m_properties->setDocument(nullptr);
    m_hasLayout = false;
    rebuildBreadcrumb();
}

void GraphPage::pushLevel(std::shared_ptr<const DisplayGraph> graph, const QString& title, GraphPath path) {
    Level level;
    level.document = GraphDocument::create(std::move(graph));
    level.expanded = initialExpansion(*level.document->tree);
    level.title = title;
    level.path = std::move(path);
    m_levels.push_back(std::move(level));
    showLevel();
}

void GraphPage::showLevel() {
    const auto doc = document();
    m_view->setDocument(doc);
    m_search->setDocument(doc);
    m_properties->setDocument(doc, m_levels.back().path);
    m_hasLayout = false;
    m_pendingView = PendingView::Start;
    m_pendingSelect = -1;
    rebuildBreadcrumb();
    m_status->setText(tr("%n operator(s)", nullptr, doc->graph->operatorCount()));
    relayout();
}

std::shared_ptr<const GraphDocument> GraphPage::document() const {
    return m_levels.empty() ? nullptr : m_levels.back().document;
}

const std::vector<bool>& GraphPage::expandedBlocks() const {
    static const std::vector<bool> none;
    return m_levels.empty() ? none : m_levels.back().expanded;
}

void GraphPage::relayout() {
    if (m_levels.empty())
        return;
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->show();
    m_layout->request(m_levels.back().document, m_levels.back().expanded);
}

void GraphPage::onLayoutFinished(quint64, const SceneLayout& layout, qint64 ms) {
    m_progress->hide();
    m_cancel->hide();
    m_view->setSceneLayout(layout);
    m_hasLayout = true;
    m_status->setText(tr("%n operator(s), %1 boxes, layout %2 ms (%3, %4 reused)", nullptr,
                         document()->graph->operatorCount())
                          .arg(layout.nodes.size() + layout.blocks.size())
                          .arg(ms)
                          .arg(layout.engine)
                          .arg(layout.reusedLayouts));
    if (m_pendingView == PendingView::Start)
        m_view->showStart();
    else if (m_pendingView == PendingView::Fit)
        m_view->fitToView();
    m_pendingView = PendingView::None;
    if (m_pendingSelect >= 0) {
        m_view->selectNode(m_pendingSelect, true);
        m_pendingSelect = -1;
    } else if (m_focusBlock >= 0) {
        m_view->selectBlock(m_focusBlock, true);
    }
    m_focusBlock = -1;
    emit layoutReady();
}

void GraphPage::toggleBlock(int block) {
    if (m_levels.empty() || block <= 0)
        return;
    setBlockExpanded(block, !m_levels.back().expanded[static_cast<size_t>(block)]);
}

void GraphPage::setBlockExpanded(int block, bool expanded) {
    if (m_levels.empty() || block <= 0 || block >= static_cast<int>(m_levels.back().expanded.size()))
        return;
    m_levels.back().expanded[static_cast<size_t>(block)] = expanded;
    m_focusBlock = block;
    relayout();
}

void GraphPage::expandAll() {
    if (m_levels.empty())
        return;
    m_levels.back().expanded = fullExpansion(*m_levels.back().document->tree);
    relayout();
}

void GraphPage::collapseAll() {
    if (m_levels.empty())
        return;
    auto& expanded = m_levels.back().expanded;
    std::fill(expanded.begin(), expanded.end(), false);
    expanded[0] = true;
    m_pendingView = PendingView::Fit;
    relayout();
}

void GraphPage::revealAndSelect(int node) {
    if (m_levels.empty() || node < 0)
        return;
    if (revealNode(*m_levels.back().document->tree, node, m_levels.back().expanded) || !m_hasLayout) {
        m_pendingSelect = node;
        relayout();
        return;
    }
    m_view->selectNode(node, true);
}

void GraphPage::chooseSubgraph(int node) {
    const DisplayNode& n = document()->graph->nodes()[static_cast<size_t>(node)];
    if (n.subgraphAttributes.isEmpty())
        return;
    if (n.subgraphAttributes.size() == 1) {
        openSubgraph(node, n.subgraphAttributes.front());
        return;
    }
    QMenu menu(this);
    for (const QString& attribute : n.subgraphAttributes)
        menu.addAction(tr("Open %1").arg(attribute), this,
                       [this, node, attribute] { openSubgraph(node, attribute); });
    menu.exec(QCursor::pos());
}

bool GraphPage::openSubgraph(int node, const QString& attribute, int index) {
    const auto doc = document();
    if (!doc)
        return false;
    const onnx::NodeProto* proto = doc->graph->nodeProto(node);
    if (!proto)
        return false;
    for (const auto& a : proto->attribute()) {
        if (QString::fromStdString(a.name()) != attribute)
            continue;
        const onnx::GraphProto* body = nullptr;
        if (a.type() == onnx::AttributeProto::GRAPH)
            body = &a.g();
        else if (a.type() == onnx::AttributeProto::GRAPHS && index >= 0 && index < a.graphs_size())
            body = &a.graphs(index);
        if (!body)
            return false;
        const DisplayNode& n = doc->graph->nodes()[static_cast<size_t>(node)];
        const QString title = QStringLiteral("%1.%2").arg(n.name.isEmpty() ? n.opType : n.name, attribute);
        GraphPath path = m_levels.back().path;
        path.push_back({n.protoIndex, a.name(), a.type() == onnx::AttributeProto::GRAPHS ? index : 0});
        pushLevel(DisplayGraph::build(doc->graph->owner(), *body, doc->graph->opsetImports(), title,
                                      doc->graph->inferredSubgraph(node, attribute, index)),
                  title, std::move(path));
        return true;
    }
    return false;
}

GraphPath GraphPage::graphPath() const {
    return m_levels.empty() ? GraphPath() : m_levels.back().path;
}

bool GraphPage::openGraphPath(const GraphPath& path) {
    if (m_levels.empty())
        return false;
    goToLevel(0);
    for (const GraphStep& step : path) {
        int display = -1;
        const auto& nodes = document()->graph->nodes();
        for (size_t i = 0; i < nodes.size() && display < 0; ++i)
            if (nodes[i].kind == DisplayNodeKind::Operator && nodes[i].protoIndex == step.node)
                display = static_cast<int>(i);
        if (display < 0 || !openSubgraph(display, QString::fromStdString(step.attribute), step.index))
            return false;
    }
    return true;
}

void GraphPage::goToLevel(int depth) {
    if (depth < 0 || depth + 1 >= static_cast<int>(m_levels.size()))
        return;
    m_levels.resize(static_cast<size_t>(depth) + 1);
    showLevel();
}

QStringList GraphPage::breadcrumb() const {
    QStringList parts;
    for (const Level& level : m_levels)
        parts << level.title;
    return parts;
}

void GraphPage::rebuildBreadcrumb() {
    while (QLayoutItem* item = m_breadcrumbLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < static_cast<int>(m_levels.size()); ++i) {
        if (i > 0)
            m_breadcrumbLayout->addWidget(new QLabel(QStringLiteral("›"), m_breadcrumbBar));
        auto* button = new QToolButton(m_breadcrumbBar);
        button->setText(m_levels[static_cast<size_t>(i)].title);
        button->setAutoRaise(true);
        button->setEnabled(i + 1 < static_cast<int>(m_levels.size()));
        connect(button, &QToolButton::clicked, this, [this, i] { goToLevel(i); });
        m_breadcrumbLayout->addWidget(button);
    }
    m_breadcrumbLayout->addStretch(1);
    m_breadcrumbBar->setVisible(m_levels.size() > 1);
}

QList<QAction*> GraphPage::viewActions() const {
    return m_actions;
}

NodePropertiesPanel* GraphPage::detachPropertiesPanel() {
    m_propertiesDetached = true;
    m_properties->setParent(nullptr); // leaves the splitter; the new parent shows it
    return m_properties;
}

void GraphPage::showProperties(bool shown) {
    if (!m_propertiesDetached)
        m_properties->setVisible(shown);
}

void GraphPage::showSearch() {
    m_search->show();
    m_search->focusSearch();
}

bool GraphPage::exportSvg(const QString& path, QString* error) {
    return m_view->exportSvg(path, error);
}

bool GraphPage::exportPng(const QString& path, QString* error) {
    return m_view->exportPng(path, error);
}

void GraphPage::exportWithDialog(bool svg) {
    if (!m_hasLayout)
        return;
    const QString path =
        QFileDialog::getSaveFileName(this, svg ? tr("Export Graph as SVG") : tr("Export Graph as PNG"),
                                     QString(), svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!(svg ? exportSvg(path, &error) : exportPng(path, &error)))
        QMessageBox::warning(this, tr("Export failed"), error);
    else
        emit statusMessage(tr("Exported %1").arg(path));
}

} // namespace onnxscope
