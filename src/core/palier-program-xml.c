/* palier-program-xml.c */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-program-xml.h"

/* TODO: to be written. */
