// The model overview panel: what a model is before looking at its graph.
//
// Shows the header (IR version, producer, graph name, domain, node counts) and tables for
// operator counts, graph inputs and outputs, opset imports, metadata_props and model-local
// functions. It only displays a ModelOverview value; computing one is the caller's job, ideally
// on the thread that loaded the model.
#pragma once

#include "model_overview.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;

namespace onnxscope {

class OverviewTableModel;

class ModelOverviewPanel : public QWidget {
    Q_OBJECT
public:
    enum class Table { Operators, Inputs, Outputs, Opsets, Metadata, Functions };

    explicit ModelOverviewPanel(QWidget* parent = nullptr);

    void setOverview(const ModelOverview& overview);
    void clear();
    bool hasOverview() const { return m_hasOverview; }
    QSize sizeHint() const override;

    // The unsorted source model of one table (tests and copy/export use these).
    OverviewTableModel* tableModel(Table table) const;
    // The view (and so the sorted order) the user sees.
    QTableView* tableView(Table table) const;
    // Header fields as "label: value" lines, for tests and the clipboard.
    QString summaryText() const;

private:
    struct Section {
        OverviewTableModel* model = nullptr;
        QSortFilterProxyModel* proxy = nullptr;
        QTableView* view = nullptr;
        int tabIndex = -1;
    };
    Section& section(Table table);
    const Section& section(Table table) const;
    void addSection(Table table, const QString& title, const QStringList& headers);
    void updateTabTitles();

    QLabel* m_placeholder = nullptr;
    QWidget* m_content = nullptr;
    QList<QPair<QLabel*, QLabel*>> m_fields; // caption, value
    QTabWidget* m_tabs = nullptr;
    Section m_sections[6];
    QString m_tabBaseTitles[6];
    bool m_hasOverview = false;
};

} // namespace onnxscope
