/* palier-payout.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-payout.h"

/* TODO: to be written. */
