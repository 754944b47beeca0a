// The profile dock: what was measured (host or device time, runs after warm-up, profiler cost,
// and whether the node times add up to the measured run), a sortable per-node table, a per-op
// summary, and export as Chrome trace JSON or CSV. Activating a row selects the node.
#pragma once

#include "debug_types.h"

#include <QWidget>

class QLabel;
class QTableView;
class QPushButton;

namespace onnxscope {

class ProfileNodeModel;
class ProfileOpModel;

class ProfilePanel : public QWidget {
    Q_OBJECT
public:
    explicit ProfilePanel(QWidget* parent = nullptr);
    void setResult(const ProfileResult& result);
    void clear();
    bool hasResult() const { return m_hasResult; }
    const ProfileResult& result() const { return m_result; }
    QString summaryText() const;
    ProfileNodeModel* nodeModel() const { return m_nodes; }
    ProfileOpModel* opModel() const { return m_ops; }
    QTableView* nodeView() const { return m_nodeView; }

    bool exportTrace(const QString& path, QString* error = nullptr) const;
    bool exportCsv(const QString& path, QString* error = nullptr) const;

signals:
    void planNodeActivated(int planIndex);

private:
    void exportWithDialog(bool trace);

    ProfileNodeModel* m_nodes;
    ProfileOpModel* m_ops;
    QTableView* m_nodeView;
    QTableView* m_opView;
    QLabel* m_summary;
    QPushButton* m_exportTrace;
    QPushButton* m_exportCsv;
    ProfileResult m_result;
    bool m_hasResult = false;
};

} // namespace onnxscope
