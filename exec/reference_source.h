// Where the reference values of a layer-by-layer comparison come from.
//
// A ReferenceSource hands out the reference for a value name of the model under test (side A),
// in A's execution order, one name at a time. Files (expected outputs, a test_data_set folder,
// an .npz of intermediates dumped from the framework) hold their values up front and give each
// away once taken. A session source runs side B (the same model on another backend, or another
// model) in lock step: it runs B only as far as the next requested value needs and keeps just
// the produced values A has yet to ask for, so memory stays near one run's working set.
#pragma once

#include "core/status.h"
#include "core/value.h"
#include "execution_plan.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace onnxscope {

class Session;

class ReferenceSource {
public:
    virtual ~ReferenceSource() = default;
    // For reports: "expected outputs in out.npz", "backend cpu", "model b.onnx".
    virtual std::string description() const = 0;
    // The value names side A will ask for, so a lock-step source knows what to keep.
    virtual void expect(const std::set<std::string>& names) { (void)names; }
    // Called once before side A runs, with A's inputs. everyNode: A runs every original node
    // (LayerCompareOptions::everyNode), and a source that runs a model should too.
    virtual Status begin(const std::map<std::string, Value>& inputs, bool everyNode) {
        (void)inputs, (void)everyNode;
        return {};
    }
    // The reference for A's value name, or nothing when the source has no such value. Each name
    // is asked for at most once; the source may drop the value after handing it out.
    virtual Result<std::optional<Value>> take(const std::string& name) = 0;
};

// Reference values read from files, keyed by side A's value names.
class FileReference : public ReferenceSource {
public:
    // path is a .pb (TensorProto; its name, else A's only output), a .npy (named by its stem when
    // A has such a value, else A's only output), a .npz (members keyed by value name), or a
    // folder: output_K.pb is A's K-th output; NAME.npy, NAME.pb and *.npz members are keyed by
    // name. input_K.pb files are ignored here (they are inputs, not references).
    static Result<std::unique_ptr<FileReference>> open(const std::filesystem::path& path,
                                                       const ExecutionPlan& plan);
    static std::unique_ptr<FileReference> fromValues(std::map<std::string, Value> values,
                                                     std::string description);

    ~FileReference() override;
    std::string description() const override { return m_description; }
    Result<std::optional<Value>> take(const std::string& name) override;
    // Names still held (not yet taken); after a run these are references A never produced.
    std::vector<std::string> remainingNames() const;

private:
    // An .npz is mapped and its members are parsed only when taken, so a file of every
    // intermediate costs no more memory than the values in flight.
    struct Archive;
    struct LazyMember {
        std::shared_ptr<const Archive> archive;
        size_t member = 0;
    };
    Status addArchive(const std::filesystem::path& file);

    std::map<std::string, Value> m_values;
    std::map<std::string, LazyMember> m_lazy;
    std::string m_description;
};

// Side B as a session: another backend for the same model, or another model, run as a plain run
// executes it (Session::PassMode::AsRun) and only peeked at. Values are matched
// by name; nameMap maps A's names to B's where they differ. B's inputs are taken from A's by
// name (through nameMap), or by position when the names do not match.
class SessionReference : public ReferenceSource {
public:
    SessionReference(std::unique_ptr<Session> session, std::map<std::string, std::string> nameMap,
                     std::string description);
    ~SessionReference() override;

    std::string description() const override { return m_description; }
    void expect(const std::set<std::string>& names) override;
    Status begin(const std::map<std::string, Value>& inputs, bool everyNode) override;
    Result<std::optional<Value>> take(const std::string& name) override;

    Session& session() { return *m_session; }

private:
    std::string mapped(const std::string& aName) const;
    // A host copy of B's current value of a name, left as it is in B's pass.
    Result<std::optional<Value>> peek(const std::string& name) const;

    std::unique_ptr<Session> m_session;
    std::map<std::string, std::string> m_nameMap;
    std::string m_description;
    std::set<std::string> m_wanted;           // B names A will ask for
    std::map<std::string, size_t> m_producer; // B name -> B plan index of its producer
    std::map<std::string, Value> m_pending;   // produced by B, not yet asked for
};

} // namespace onnxscope
