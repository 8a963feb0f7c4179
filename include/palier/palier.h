/* palier.h: the Palier core library */
#pragma once

#include "palier-core.h"
#include "palier-decimal.h"
#include "palier-money.h"
#include "palier-period.h"
#include "palier-program.h"
#include "palier-program-xml.h"
#include "palier-payout.h"
#include "palier-csv.h"
#include "palier-number.h"
#include "palier-import.h"
#include "palier-partners-import.h"
#include "palier-store.h"
#include "palier-simulate.h"
#include "palier-engine.h"
#include "palier-chart.h"
