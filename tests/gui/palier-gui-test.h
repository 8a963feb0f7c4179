/* palier-gui-test.h: helpers shared by the in-process window tests */
#pragma once

#include <gtk/gtk.h>

#include "palier-store.h"

G_BEGIN_DECLS

typedef gboolean (*PalierGuiTestCondition) (gpointer data);

/* Runs the main context until @condition returns TRUE for @data.
 * Returns FALSE when it still returns FALSE after @timeout_us
 * microseconds. */
gboolean   palier_gui_test_wait_for           (PalierGuiTestCondition  condition,
                                               gpointer                data,
                                               gint64                  timeout_us);

/* Dispatches every event already pending in the main context. */
void       palier_gui_test_run_pending_events (void);

/* Returns the template child @name of @widget, whose class is @type,
 * failing the test when there is none. */
GtkWidget *palier_gui_test_template_child     (gpointer                widget,
                                               GType                   type,
                                               const char             *name);

/* Imports the sales of the test data file @relative_path into @store,
 * failing the test on any error.  Returns the number of rows imported. */
guint64    palier_gui_test_import_sales       (PalierStore            *store,
                                               const char             *relative_path);

/* Saves the program of the test data file @relative_path into @store
 * as "Test program", failing the test on any error. */
void       palier_gui_test_save_program       (PalierStore            *store,
                                               const char             *relative_path);

G_END_DECLS
