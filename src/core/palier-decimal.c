/* palier-decimal.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-decimal.h"

/* TODO: to be written. */
