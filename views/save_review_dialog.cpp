#include "save_review_dialog.h"
#include "save_controller.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace onnxscope {

SaveReviewDialog::SaveReviewDialog(const SaveReview& review, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Save %1").arg(QFileInfo(review.path).fileName()));
    auto* layout = new QVBoxLayout(this);

    layout->addWidget(new QLabel(
        review.changes.isEmpty() ? tr("No edits since the model was opened or last saved.")
                                 : tr("%n change(s) since the last save:", nullptr, review.changes.size()),
        this));
    if (!review.changes.isEmpty()) {
        auto* changes = new QListWidget(this);
        changes->setObjectName(QStringLiteral("changes"));
        changes->addItems(review.changes);
        layout->addWidget(changes);
    }

    if (review.issues.empty()) {
        layout->addWidget(new QLabel(tr("The onnx checker and shape inference found no problems."), this));
    } else {
        layout->addWidget(new QLabel(review.hasErrors()
                                         ? tr("The checks found problems. Saving writes a model that other "
                                              "tools may refuse to load.")
                                         : tr("Notes from the checks:"),
                                     this));
        auto* problems = new QTreeWidget(this);
        problems->setObjectName(QStringLiteral("problems"));
        problems->setHeaderLabels({tr("Severity"), tr("Node"), tr("Problem")});
        problems->setRootIsDecorated(false);
        problems->setWordWrap(true);
        for (const ValidationIssue& issue : review.issues) {
            auto* item = new QTreeWidgetItem(problems);
            item->setText(0, issue.severity == ValidationIssue::Severity::Error ? tr("Error") : tr("Note"));
            item->setText(1, issue.node.empty() ? tr("(model)") : QString::fromStdString(issue.node));
            item->setText(2, QString::fromStdString(issue.message));
            item->setToolTip(2, item->text(2));
        }
        problems->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
        problems->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
        layout->addWidget(problems, 1);
    }

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton* save =
        buttons->addButton(review.hasErrors() ? tr("Save Anyway") : tr("Save"), QDialogButtonBox::AcceptRole);
    save->setObjectName(QStringLiteral("saveButton"));
    if (review.hasErrors())
        buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    else
        save->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(640, 420);
}

} // namespace onnxscope
