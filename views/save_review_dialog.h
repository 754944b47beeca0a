// What Save is about to write: the edits since the last save and the problems the checks found
// (each with the node it concerns). With errors the save button reads "Save Anyway", so writing
// an invalid model is always a deliberate choice.
#pragma once

#include <QDialog>

namespace onnxscope {

struct SaveReview;

class SaveReviewDialog : public QDialog {
    Q_OBJECT
public:
    explicit SaveReviewDialog(const SaveReview& review, QWidget* parent = nullptr);
};

} // namespace onnxscope
