/* palier-data-view.c: the sales a workspace contains
 *
 * Shows the store's summary and the sales of each month, read in a
 * worker thread each time the workspace changes.  An empty workspace
 * shows a page that leads to the import.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-data-view.h"
#include "palier-format.h"
#include "palier-sales-chart.h"

struct _PalierDataView
{
  AdwBin parent_instance;

  PalierWorkspace *workspace;
  GCancellable *cancellable;
  char *currency;

  /* template */
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *transactions_label;
  GtkLabel *partners_label;
  GtkLabel *quotas_label;
  GtkLabel *dates_label;
  GtkLabel *total_label;
  GtkLabel *imports_label;
  PalierSalesChart *sales_chart;
};

G_DEFINE_FINAL_TYPE (PalierDataView, palier_data_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_overview (PalierDataView       *self,
               const PalierOverview *overview)
{
  const PalierStoreSummary *summary = &overview->summary;
  g_autofree char *transactions = palier_format_count (summary->n_transactions);
  g_autofree char *partners = palier_format_count (summary->n_partners);
  g_autofree char *imports = palier_format_count (summary->n_imports);
  g_autofree char *quotas = palier_format_count (overview->n_quotas);
  const char *currency = overview->currency != NULL ? overview->currency : self->currency;
  g_autofree char *total = palier_format_money (summary->total_amount, currency);
  g_autofree char *dates = palier_format_date_range (summary->first_date, summary->last_date);

  gtk_label_set_text (self->transactions_label, transactions);
  gtk_label_set_text (self->partners_label, partners);
  gtk_label_set_text (self->quotas_label, quotas);
  gtk_label_set_text (self->dates_label, dates);
  gtk_label_set_text (self->total_label, total);
  gtk_label_set_text (self->imports_label, imports);

  palier_sales_chart_set_months (self->sales_chart,
                                 (const PalierMonthSales *) (gpointer) overview->months->data,
                                 overview->months->len, currency);

  gtk_stack_set_visible_child_name (self->stack, "summary");
}

static void
overview_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PalierDataView) self = user_data;
  g_autoptr(PalierOverview) overview = NULL;
  g_autoptr(GError) error = NULL;

  overview = palier_workspace_load_overview_finish (PALIER_WORKSPACE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->spinner);

  if (overview == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  if (overview->summary.n_transactions == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  show_overview (self, overview);
}

static void
reload (PalierDataView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->workspace == NULL)
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "no-workspace");
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  palier_workspace_load_overview_async (self->workspace, self->cancellable,
                                        overview_loaded_cb, g_object_ref (self));
}

static void
palier_data_view_dispose (GObject *object)
{
  PalierDataView *self = PALIER_DATA_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (palier_data_view_parent_class)->dispose (object);
}

static void
palier_data_view_finalize (GObject *object)
{
  PalierDataView *self = PALIER_DATA_VIEW (object);

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (palier_data_view_parent_class)->finalize (object);
}

static void
palier_data_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PalierDataView *self = PALIER_DATA_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      palier_data_view_set_workspace (self, g_value_get_object (value));
      break;

    case PROP_CURRENCY:
      if (g_strcmp0 (self->currency, g_value_get_string (value)) != 0)
        {
          g_free (self->currency);
          self->currency = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
          reload (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_data_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PalierDataView *self = PALIER_DATA_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_data_view_class_init (PalierDataViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_data_view_dispose;
  object_class->finalize = palier_data_view_finalize;
  object_class->set_property = palier_data_view_set_property;
  object_class->get_property = palier_data_view_get_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         PALIER_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 4217 code of the currency the sales are shown in when the
   * workspace's programs do not agree on one: sales carry no currency of
   * their own. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "EUR",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALIER_TYPE_SALES_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-data-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, transactions_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, partners_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, quotas_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, dates_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, total_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, imports_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDataView, sales_chart);
}

static void
palier_data_view_init (PalierDataView *self)
{
  self->currency = g_strdup ("EUR");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "no-workspace");
}

PalierWorkspace *
palier_data_view_get_workspace (PalierDataView *self)
{
  g_return_val_if_fail (PALIER_IS_DATA_VIEW (self), NULL);

  return self->workspace;
}

void
palier_data_view_set_workspace (PalierDataView  *self,
                                PalierWorkspace *workspace)
{
  g_return_if_fail (PALIER_IS_DATA_VIEW (self));
  g_return_if_fail (workspace == NULL || PALIER_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    g_signal_connect_swapped (workspace, "sales-changed", G_CALLBACK (reload), self);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}
