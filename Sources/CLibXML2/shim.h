// libxml2 (Debian: libxml2-dev, pkg-config libxml-2.0).
// Debian builds libxml2 against the system ICU; Foundation ships its own ICU. If the libxml2
// headers pull in the system ICU headers, any module that also imports Foundation fails to
// compile. Turning the flag off before the other headers are read keeps ICU out.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

// libxml2 prints some messages through its "generic" handler, a variadic C function that Swift
// cannot provide: this one drops them (per thread, as libxml2 keeps its handlers). Kankei reads
// every error through the structured handlers instead.
static void kankei_xml_drop_generic_error(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

static inline void kankei_xml_silence_generic_errors(void) {
    xmlSetGenericErrorFunc(NULL, kankei_xml_drop_generic_error);
}
