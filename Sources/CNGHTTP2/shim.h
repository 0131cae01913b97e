#ifndef TILTS_CNGHTTP2_SHIM_H
#define TILTS_CNGHTTP2_SHIM_H
#include <nghttp2/nghttp2.h>
#endif
