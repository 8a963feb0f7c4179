/* palier-number.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-number.h"

/* TODO: to be written. */
