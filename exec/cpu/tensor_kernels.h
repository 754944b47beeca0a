// Registration functions of the tensor kernel family's files (shape and data movement,
// indexing, generators, strings, signal processing, ai.onnx.ml). Each file registers its own
// ops; registerTensorKernels (tensor_registration.cpp) calls them all.
#pragma once

#include "exec/kernel_registry.h"

namespace onnxscope {

void registerShapeOps(KernelRegistry& registry);     // Identity Reshape Flatten Squeeze Unsqueeze Shape Size
void registerTransposeOps(KernelRegistry& registry); // Transpose DepthToSpace SpaceToDepth
void registerConcatSplitOps(KernelRegistry& registry); // Concat Split
void registerSliceOps(KernelRegistry& registry);       // Slice
void registerGatherOps(KernelRegistry& registry);      // Gather GatherElements GatherND
void registerScatterOps(KernelRegistry& registry);     // Scatter ScatterElements ScatterND TensorScatter
void registerPadOps(KernelRegistry& registry);         // Pad CenterCropPad
void registerExpandOps(KernelRegistry& registry);      // Tile Expand
void registerGeneratorOps(KernelRegistry& registry);   // Constant ConstantOfShape Range EyeLike OneHot
void registerResizeOps(KernelRegistry& registry);      // Resize Upsample
void registerSelectionOps(KernelRegistry& registry);   // TopK NonZero Compress Unique Trilu ReverseSequence
void registerNmsOps(KernelRegistry& registry);         // NonMaxSuppression
void registerRandomOps(KernelRegistry& registry);      // Dropout Random* Multinomial Bernoulli
void registerStringOps(KernelRegistry& registry); // StringNormalizer StringConcat StringSplit RegexFullMatch
void registerSignalOps(KernelRegistry& registry); // DFT STFT windows MelWeightMatrix
void registerTfIdfOps(KernelRegistry& registry);  // TfIdfVectorizer
void registerMlOps(KernelRegistry& registry);     // ai.onnx.ml

} // namespace onnxscope
