#include "save_review_dialog.h"
#include "model_diff_tree.h"
#include "save_controller.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

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
        changes->setMaximumHeight(changes->sizeHintForRow(0) * std::min<int>(6, review.changes.size() + 1) +
                                  6);
        layout->addWidget(changes);
    }

    const QString base = QFileInfo(review.diffBase).fileName();
    if (review.diff && review.diff->isEmpty()) {
        layout->addWidget(new QLabel(
            tr("The written file will not differ from “%1” in nodes, weights or properties.").arg(base),
            this));
    } else if (review.diff) {
        layout->addWidget(new QLabel(tr("What the written file will differ in from “%1”:").arg(base), this));
        auto* diff = new QTreeWidget(this);
        diff->setObjectName(QStringLiteral("diff"));
        ModelDiffTree::fill(diff, *review.diff, tr("Before"), tr("After"));
        layout->addWidget(diff, 1);
    } else if (!review.diffError.isEmpty()) {
        layout->addWidget(
            new QLabel(tr("Could not compare with “%1”: %2").arg(base, review.diffError), this));
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
    resize(720, 560);
}

} // namespace onnxscope
