#ifndef SPECGATE_CLIBXML2_SHIM_H
#define SPECGATE_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, so its encoding.h includes the system's <unicode/ucnv.h>. Swift's
 * Foundation carries its own, different ICU headers (_FoundationICU); a module that sees both fails
 * with "'UErrorCode' has different definitions in different modules" (depending on build order).
 * SpecGate never touches xmlCharEncodingHandler's ICU members, so hide them: only pointers to that
 * struct cross the API, and its layout is never used here. */
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/// Swift 6 cannot reference the C global `xmlFree` (a concurrency-unsafe global); call it through here.
static inline void specgate_xmlFree(void *pointer) {
    xmlFree(pointer);
}

#endif
