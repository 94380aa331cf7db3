// Only a declaration lives here (include/libfuzzer_driver.h): libFuzzer defines the driver.
#include "libfuzzer_driver.h"
