// Help ▸ Keyboard Shortcuts: every menu action that has a shortcut, grouped by menu, plus the
// keys the graph canvas handles itself. The list is read from the actions when the dialog
// opens, so it cannot drift from what the keys really do.
#pragma once

#include <QDialog>

class QMenu;
class QMenuBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace onnxscope {

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar* menus, QWidget* parent = nullptr);

    // One "group: action = keys" line per row, in the order shown (tests read it).
    QStringList rowsText() const;

private:
    void addMenu(QTreeWidgetItem* group, const QMenu* menu);

    QTreeWidget* m_tree;
};

} // namespace onnxscope
