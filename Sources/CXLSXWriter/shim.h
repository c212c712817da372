#ifndef EVALRUN_CXLSXWRITER_SHIM_H
#define EVALRUN_CXLSXWRITER_SHIM_H
/* libxlsxwriter: writes report.xlsx; imported by the Report target alone. */
#include <xlsxwriter.h>
#endif
