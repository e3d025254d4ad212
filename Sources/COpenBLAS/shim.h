// OpenBLAS's CBLAS interface and the few LAPACK routines the adapter merge uses.
// Debian's libopenblas exports LAPACK with Fortran linkage (trailing underscore, every
// argument by pointer, column-major matrices); the prototypes are declared here because
// the -dev package ships no lapack.h.
#ifndef PROCTOR_COPENBLAS_SHIM_H
#define PROCTOR_COPENBLAS_SHIM_H

#include <cblas.h>

/// Singular value decomposition by divide and conquer (single precision).
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda, float *s,
             float *u, const int *ldu, float *vt, const int *ldvt, float *work, const int *lwork,
             int *iwork, int *info);
/// Singular value decomposition by divide and conquer (double precision).
void dgesdd_(const char *jobz, const int *m, const int *n, double *a, const int *lda, double *s,
             double *u, const int *ldu, double *vt, const int *ldvt, double *work, const int *lwork,
             int *iwork, int *info);
/// QR factorisation (double precision): R in the upper triangle, reflectors below.
void dgeqrf_(const int *m, const int *n, double *a, const int *lda, double *tau, double *work,
             const int *lwork, int *info);
/// Forms the explicit Q of a dgeqrf factorisation.
void dorgqr_(const int *m, const int *n, const int *k, double *a, const int *lda, const double *tau,
             double *work, const int *lwork, int *info);

#endif
