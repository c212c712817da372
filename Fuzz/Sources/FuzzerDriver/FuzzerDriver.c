// Declarations only (include/FuzzerDriver.h); libFuzzer provides the driver.
#include "FuzzerDriver.h"
