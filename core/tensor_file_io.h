// numpy .npy and .npz files: read and write tensors by name.
//
// .npy: format versions 1.0-3.0, little- and big-endian, C and Fortran order, all numeric dtypes
// plus bool, float16 ('<f2'), and unicode/bytes strings. .npz: a zip of .npy members, stored
// or deflated (np.savez / np.savez_compressed). Headers and sizes are validated before
// allocating; errors name the file and the member.
#pragma once

#include "status.h"
#include "tensor.h"

#include <filesystem>
#include <map>
#include <string>

namespace onnxscope {

Result<Tensor> readNpy(const std::filesystem::path& file);
Result<Tensor> parseNpy(const void* data, size_t size, const std::string& displayName);
Status writeNpy(const std::filesystem::path& file, const Tensor& tensor);

// Member names without the ".npy" suffix, as numpy's np.load(...)[name] sees them.
Result<std::map<std::string, Tensor>> readNpz(const std::filesystem::path& file);
Status writeNpz(const std::filesystem::path& file, const std::map<std::string, Tensor>& tensors);

// Reads .pb (TensorProto), .npy, or one named tensor of a .npz ("file.npz:name"; the name may be
// left out when the archive holds one array). Other extensions are told apart by their magic
// bytes, falling back to .pb.
Result<Tensor> readTensorFile(const std::filesystem::path& file);

} // namespace onnxscope
