// Save and Save As for the edited model: check (libonnx checker + strict shape inference) and
// diff against the file the model came from on a worker thread, show the user what the file
// will change in and what the checks found, then write atomically on
// a worker thread. Problems refuse the save unless the user overrides; a failed write leaves the
// file on disk as it was and says why. Edits are blocked while the worker reads the model.
//
// The review, the error report and the writer are replaceable so tests can answer the dialogs
// and simulate a failing disk.
#pragma once

#include "core/model.h"
#include "core/model_check.h"
#include "core/model_diff.h"

#include <QObject>
#include <QStringList>

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

class QWidget;

namespace onnxscope {

class ModelEditor;

struct SaveReview {
    QString path;
    QStringList changes; // the undo texts since the last save
    std::vector<ValidationIssue> issues;
    // What the written file will differ in from the file the model came from (diffBase); none
    // when that file is gone or unreadable (diffError says why).
    std::optional<ModelDiff> diff;
    QString diffBase;
    QString diffError;
    bool hasErrors() const;
};

class SaveController : public QObject {
    Q_OBJECT
public:
    // Returns true to write (for a review with errors: the user chose to save anyway).
    using Reviewer = std::function<bool(const SaveReview&)>;
    using ErrorReporter = std::function<void(const QString& message)>;
    using Writer = std::function<Status(Model&, const std::filesystem::path&)>;

    SaveController(ModelEditor* editor, QWidget* dialogParent);
    ~SaveController() override;

    void setReviewer(Reviewer reviewer) { m_reviewer = std::move(reviewer); }
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    void setWriter(Writer writer) { m_writer = std::move(writer); }

    // Starts check → review → write; false when it cannot start (no model, already saving).
    bool saveTo(const QString& path);
    // saveTo, then waits (the event loop keeps running) until done: true when the file was written.
    bool saveToAndWait(const QString& path);
    // Asks for a path first; empty when the user cancelled.
    QString askForPath() const;
    bool isBusy() const { return m_busy; }
    QString lastError() const { return m_lastError; }

signals:
    void busyChanged(bool busy);
    void statusMessage(const QString& message);
    void saved(const QString& path);
    void failed(const QString& path, const QString& message);
    void finished(bool saved);

private:
    void review(const QString& path, SaveReview review);
    void write(const QString& path);
    void finish(const QString& path, bool written, const QString& error = QString());
    bool showReviewDialog(const SaveReview& review);

    ModelEditor* m_editor;
    QWidget* m_dialogParent;
    Reviewer m_reviewer;
    ErrorReporter m_reportError;
    Writer m_writer;
    bool m_busy = false;
    QString m_lastError;
};

} // namespace onnxscope
