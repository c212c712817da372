#ifndef EVALRUN_CLAPACK_SHIM_H
#define EVALRUN_CLAPACK_SHIM_H
#include <cblas.h>
#include <lapacke.h>
/* OpenBLAS threading control: the statistics layer calls BLAS from concurrent
   Swift tasks, so it pins OpenBLAS to one thread (see LinearAlgebra/BLASThreads). */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
#endif
