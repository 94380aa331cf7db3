#ifndef RENKEI_CLIBXML2_SHIM_H
#define RENKEI_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU; its headers then include the system's ICU, whose
// UErrorCode clashes with Foundation's copy and breaks clean builds. No ICU API is used here.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

// xmlFree is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void renkei_xml_free(void *pointer) { xmlFree(pointer); }

static void renkei_xml_silent(void *context, const char *message, ...) { (void)context; (void)message; }

// Parser complaints about real-world HTML go to stderr even with HTML_PARSE_NOERROR; a
// variadic handler cannot be written in Swift, so it is installed from here.
static inline void renkei_xml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, renkei_xml_silent);
    xmlSetStructuredErrorFunc(NULL, NULL);
}

#endif
