// libcsv (Debian: libcsv-dev). The package ships no pkg-config file, so the module map links `csv`.
#include <csv.h>
