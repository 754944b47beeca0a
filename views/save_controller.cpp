#include "save_controller.h"
#include "model_editor.h"
#include "save_review_dialog.h"

#include "core/save_check.h"

#include <QEventLoop>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace onnxscope {

bool SaveReview::hasErrors() const {
    return onnxscope::hasErrors(issues);
}

namespace {

// The undo list says what the user did; this says what the file will differ in (an edit undone
// by hand, or a dim set back to its old value, leaves no difference).
void diffAgainstSource(const Model& model, SaveReview& review) {
    const std::filesystem::path& source = model.path();
    if (source.empty())
        return;
    review.diffBase = QString::fromStdString(source.string());
    auto onDisk = Model::load(source);
    if (!onDisk.ok()) {
        review.diffError = QString::fromStdString(onDisk.message());
        return;
    }
    auto diff = diffModels(**onDisk, model);
    if (!diff.ok()) {
        review.diffError = QString::fromStdString(diff.message());
        return;
    }
    review.diff = std::move(diff).value();
}

} // namespace

SaveController::SaveController(ModelEditor* editor, QWidget* dialogParent)
    : QObject(editor)
    , m_editor(editor)
    , m_dialogParent(dialogParent)
    , m_reviewer([this](const SaveReview& review) { return showReviewDialog(review); })
    , m_reportError([this](const QString& message) {
        QMessageBox::warning(m_dialogParent, tr("Save Failed"), message);
    })
    , m_writer([](Model& model, const std::filesystem::path& path) {
        // The checks already ran and the user accepted their result.
        return model.save(path, SaveOptions{true});
    }) {}

SaveController::~SaveController() = default;

QString SaveController::askForPath() const {
    const auto model = m_editor->model();
    const QString current = model ? QString::fromStdString(model->path().string()) : QString();
    QString path = QFileDialog::getSaveFileName(m_dialogParent, tr("Save Model As"), current,
                                                tr("ONNX models (*.onnx);;All files (*)"));
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".onnx");
    return path;
}

bool SaveController::saveTo(const QString& path) {
    const std::shared_ptr<const Model> model = m_editor->model();
    if (!model || m_busy || path.isEmpty())
        return false;
    m_busy = true;
    m_lastError.clear();
    m_editor->setBlocked(true);
    emit busyChanged(true);
    emit statusMessage(tr("Checking the model before saving…"));
    QPointer<SaveController> self(this);
    QtConcurrent::run([model] {
        SaveReview review;
        review.issues = checkBeforeSave(*model);
        diffAgainstSource(*model, review);
        return review;
    }).then(this, [self, path](SaveReview review) {
        // Deliver from the event loop: then() runs inline when the check already finished.
        QMetaObject::invokeMethod(
            self,
            [self, path, review = std::move(review)]() mutable {
                if (self)
                    self->review(path, std::move(review));
            },
            Qt::QueuedConnection);
    });
    return true;
}

bool SaveController::saveToAndWait(const QString& path) {
    bool written = false;
    QEventLoop loop;
    connect(this, &SaveController::finished, &loop, [&](bool saved) {
        written = saved;
        loop.quit();
    });
    if (!saveTo(path))
        return false;
    loop.exec();
    return written;
}

void SaveController::review(const QString& path, SaveReview review) {
    review.path = path;
    review.changes = m_editor->changesSinceSave();
    if (!m_reviewer(review)) {
        finish(path, false);
        return;
    }
    write(path);
}

void SaveController::write(const QString& path) {
    emit statusMessage(tr("Saving %1…").arg(QFileInfo(path).fileName()));
    std::shared_ptr<Model> model = m_editor->mutableModel();
    const std::filesystem::path target(QFile::encodeName(path).toStdString());
    QPointer<SaveController> self(this);
    QtConcurrent::run([model, target, writer = m_writer] {
        return writer(*model, target);
    }).then(this, [self, path](Status status) {
        QMetaObject::invokeMethod(
            self,
            [self, path, status] {
                if (!self)
                    return;
                if (status.ok())
                    self->finish(path, true);
                else
                    self->finish(
                        path, false,
                        tr("“%1” was not saved: %2\nThe file on disk has not been changed.")
                            .arg(QFileInfo(path).fileName(), QString::fromStdString(status.message())));
            },
            Qt::QueuedConnection);
    });
}

void SaveController::finish(const QString& path, bool written, const QString& error) {
    m_busy = false;
    m_editor->setBlocked(false);
    emit busyChanged(false);
    if (written) {
        m_editor->markSaved();
        emit statusMessage(tr("Saved %1").arg(path));
        emit saved(path);
    } else if (!error.isEmpty()) {
        m_lastError = error;
        emit statusMessage(tr("Not saved."));
        emit failed(path, error);
        m_reportError(error);
    } else {
        emit statusMessage(tr("Save cancelled."));
    }
    emit finished(written);
}

bool SaveController::showReviewDialog(const SaveReview& review) {
    SaveReviewDialog dialog(review, m_dialogParent);
    return dialog.exec() == QDialog::Accepted;
}

} // namespace onnxscope
