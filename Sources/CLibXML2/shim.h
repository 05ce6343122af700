#ifndef SPECGATE_CLIBXML2_SHIM_H
#define SPECGATE_CLIBXML2_SHIM_H

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
