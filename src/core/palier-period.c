/* palier-period.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-period.h"

/* TODO: to be written. */
