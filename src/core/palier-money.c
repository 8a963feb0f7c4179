/* palier-money.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-money.h"

/* TODO: to be written. */
