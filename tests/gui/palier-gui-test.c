/* palier-gui-test.c: helpers shared by the in-process window tests */

#include "config.h"

#include "palier-gui-test.h"

gboolean
palier_gui_test_wait_for (PalierGuiTestCondition condition,
                          gpointer               data,
                          gint64                 timeout_us)
{
  gint64 deadline = g_get_monotonic_time () + timeout_us;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }

  return TRUE;
}

void
palier_gui_test_run_pending_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

GtkWidget *
palier_gui_test_template_child (gpointer    widget,
                                GType       type,
                                const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}
