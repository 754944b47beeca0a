#include "shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onnxscope {

namespace {

QString plainText(const QString& text) {
    QString plain = text;
    plain.replace(QLatin1String("&&"), QLatin1String("\x01")).remove(QLatin1Char('&'));
    return plain.replace(QLatin1Char('\x01'), QLatin1Char('&'));
}

QString keysText(const QList<QKeySequence>& keys) {
    QStringList parts;
    for (const QKeySequence& key : keys)
        parts << key.toString(QKeySequence::NativeText);
    return parts.join(QLatin1String(", "));
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, QWidget* parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    m_tree->setRootIsDecorated(false);
    m_tree->setItemsExpandable(false);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    if (menus) {
        for (const QAction* action : menus->actions()) {
            const QMenu* menu = action->menu();
            if (!menu)
                continue;
            auto* group = new QTreeWidgetItem(m_tree, {plainText(menu->title())});
            addMenu(group, menu);
            if (group->childCount() == 0)
                delete group;
        }
    }
    // Handled by the canvas's key events, not by actions.
    auto* canvas = new QTreeWidgetItem(m_tree, {tr("Graph canvas")});
    const QList<QPair<QString, QString>> canvasKeys = {
        {tr("Go to a producer / a consumer"), tr("Up / Down")},
        {tr("Other producers or consumers"), tr("Left / Right")},
        {tr("Zoom in / out"), tr("+ / −, mouse wheel")},
        {tr("Open the selected block or subgraph"), tr("Enter")},
    };
    for (const auto& [what, keys] : canvasKeys)
        new QTreeWidgetItem(canvas, {what, keys});

    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* group = m_tree->topLevelItem(i);
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
    }
    m_tree->expandAll();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(520, 640);
}

void ShortcutsDialog::addMenu(QTreeWidgetItem* group, const QMenu* menu) {
    for (const QAction* action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (const QMenu* sub = action->menu()) {
            addMenu(group, sub);
            continue;
        }
        if (action->shortcuts().isEmpty())
            continue;
        new QTreeWidgetItem(group, {plainText(action->text()), keysText(action->shortcuts())});
    }
}

QStringList ShortcutsDialog::rowsText() const {
    QStringList rows;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* group = m_tree->topLevelItem(i);
        for (int j = 0; j < group->childCount(); ++j)
            rows << QStringLiteral("%1: %2 = %3")
                        .arg(group->text(0), group->child(j)->text(0), group->child(j)->text(1));
    }
    return rows;
}

} // namespace onnxscope
