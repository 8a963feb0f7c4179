/* palier-program.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-program.h"

/* TODO: to be written. */
