/* palier-import.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-import.h"

/* TODO: to be written. */
