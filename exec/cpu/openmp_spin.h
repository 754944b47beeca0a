// How long the CPU backend's idle OpenMP threads spin before they sleep.
//
// libgomp spins an idle worker for about 300000 iterations (several milliseconds) by default.
// Between two parallel regions of a run, our single-threaded work (small ops, the executor)
// then competes with a spinning thread for the same cores, and on a machine shared with other
// processes two-thread runs became several times slower (transformer 16 ms at 2 threads against
// 8.5 ms with a short spin). OMP_WAIT_POLICY=passive avoids that but sleeps after every region,
// which made the LSTM's 128 small per-step regions 3-5x slower. A spin of 10000 iterations
// (about half a millisecond) keeps workers awake within a run and gives the cores back between runs.
//
// libgomp reads GOMP_SPINCOUNT and OMP_WAIT_POLICY once, when it is loaded, before main(); so
// setting them in main() has no effect and an executable that wants the short spin restarts
// itself with it.
#pragma once

namespace onnxscope {

// For main() of an executable, first thing: unless the environment already sets
// OMP_WAIT_POLICY or GOMP_SPINCOUNT, sets GOMP_SPINCOUNT=10000 and re-executes the program
// with the same arguments (same process id and open files). Returns when no restart is needed
// or it is not possible (outside Linux, exec failure); the program then runs as it is.
void restartWithShortOpenMpSpin(char** argv);

} // namespace onnxscope
