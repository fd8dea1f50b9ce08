/*
 * queries/brandes_lanes_avx512.c - brandes_lanes.c again, compiled with AVX-512 (see
 * CMakeLists.txt), for the processors that have it: a row of sixty-four path counts is eight
 * vectors, and a link followed adds the lanes of its sources under a mask instead of one bit
 * at a time, so the number of sources it carries never decides a branch.
 */
#define ECO_I_LANES_AVX512
#include "brandes_lanes.c"
