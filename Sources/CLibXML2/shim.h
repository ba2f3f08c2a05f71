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
