/* palier-store.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-store.h"

/* TODO: to be written. */
