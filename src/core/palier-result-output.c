/* palier-result-output.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-simulate.h"

/* TODO: to be written. */
