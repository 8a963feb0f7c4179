/* palier-chart-export.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-chart.h"

/* TODO: to be written. */
