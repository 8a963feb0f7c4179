/* palier-csv.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-csv.h"

/* TODO: to be written. */
