// Pairs values of the model under test with values of the reference model when their names
// differ (a converter renamed them, a simplifier merged nodes). Values both models name alike
// are matched already; the dialog lists the others with a choice among the reference's
// unmatched values.
#pragma once

#include <QDialog>
#include <QStringList>

#include <map>
#include <string>

class QLineEdit;
class QTableWidget;

namespace onnxscope {

class ValueMappingDialog : public QDialog {
    Q_OBJECT
public:
    ValueMappingDialog(const QStringList& modelValues, const QStringList& referenceValues,
                       const std::map<std::string, std::string>& current, QWidget* parent = nullptr);
    std::map<std::string, std::string> mapping() const;
    QTableWidget* table() const { return m_table; }

private:
    void filter(const QString& text);

    QLineEdit* m_filter;
    QTableWidget* m_table;
};

} // namespace onnxscope
