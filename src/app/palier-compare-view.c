/* palier-compare-view.c: two programs on the same sales
 *
 * TODO: let the user pick a baseline and a proposal and show
 * palier_compare()'s rows.  This version is a placeholder page.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include "palier-compare-view.h"

struct _PalierCompareView
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (PalierCompareView, palier_compare_view, ADW_TYPE_BIN)

static void
palier_compare_view_class_init (PalierCompareViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-compare-view.ui");
}

static void
palier_compare_view_init (PalierCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
