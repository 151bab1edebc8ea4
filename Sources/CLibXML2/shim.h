#ifndef PLANBRIDGE_CLIBXML2_SHIM_H
#define PLANBRIDGE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU; its <unicode/ucnv.h> clashes with Foundation's own ICU module
// ("'UErrorCode' has different definitions"), which breaks clean builds of any module that sees
// both. PlanBridge never touches the ICU-only fields of xmlCharEncodingHandler, so turn it off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

#endif
