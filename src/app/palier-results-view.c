/* palier-results-view.c: what a program would have paid
 *
 * Totals, the payout of each component, a sortable and searchable table
 * of partners with one column per component, and the core's period and
 * distribution charts.  Selecting a partner shows its periods in place
 * of the charts until the user closes them.  Every number is the simulation's, and this
 * view only formats it in the locale.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-format.h"
#include "palier-partner-detail.h"
#include "palier-partner-item.h"
#include "palier-range-selector.h"
#include "palier-results-view.h"

struct _PalierResultsView
{
  AdwBin parent_instance;

  PalierResult *result;
  PalierProgram *program;               /* of the result shown or running */
  GCancellable *cancellable;
  GtkFilterListModel *filter_model;
  GtkStringFilter *search_filter;
  GPtrArray *component_columns;         /* GtkColumnViewColumn */
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *payout_column;
  GtkSingleSelection *selection;
  gboolean replacing_model;             /* TRUE while the table gets a new model */
  int charts_position;                  /* of the paned beside the charts, or -1 */

  /* template */
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkLabel *running_label;
  AdwStatusPage *error_page;
  GtkLabel *program_label;
  GtkLabel *range_label;
  PalierRangeSelector *range_selector;
  GtkLabel *total_sales_label;
  GtkLabel *total_payout_label;
  GtkWidget *non_cash_card;
  GtkLabel *total_non_cash_label;
  GtkLabel *cost_of_sales_label;
  GtkSearchEntry *search_entry;
  GtkColumnView *partner_table;
  GtkListBox *component_list;
  PalierChartView *periods_chart;
  PalierChartView *distribution_chart;
  GtkPaned *paned;
  GtkStack *side_stack;
  PalierPartnerDetail *partner_detail;
};

G_DEFINE_FINAL_TYPE (PalierResultsView, palier_results_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_HAS_RESULT,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Columns of the partner table */

typedef enum {
  COLUMN_PARTNER,
  COLUMN_NAME,
  COLUMN_SEGMENT,
  COLUMN_SALES,
  COLUMN_ATTAINMENT,
  COLUMN_PAYOUT,
  COLUMN_NON_CASH,
  COLUMN_COMPONENT,
} ColumnKind;

typedef struct {
  PalierResultsView *view;              /* not owned: the view owns the column */
  ColumnKind kind;
  guint component;
} ColumnSpec;

static gboolean
column_is_numeric (ColumnKind kind)
{
  return kind >= COLUMN_SALES;
}

static gboolean
is_reward (const PalierResult *result,
           guint               component)
{
  const PalierComponent *found = g_ptr_array_index (result->program->components, component);

  return found->kind == PALIER_COMPONENT_REWARD;
}

/* A component's amount for a partner: the cost of what it won for a
 * reward, which pays no cash, and the payout otherwise. */
static PalierDecimal
component_amount (const ColumnSpec  *spec,
                  PalierPartnerItem *item)
{
  const PalierResult *result = spec->view->result;
  const PalierPartnerResult *partner = palier_partner_item_get_result (item);
  const PalierComponent *component;
  PalierDecimal cost = 0;

  if (result == NULL || !is_reward (result, spec->component))
    return palier_partner_item_get_component_payout (item, spec->component);

  component = g_ptr_array_index (result->program->components, spec->component);
  for (guint i = 0; partner->rewards != NULL && i < partner->rewards->len; i++)
    {
      const PalierRewardResult *reward = &g_array_index (partner->rewards, PalierRewardResult, i);

      if (g_strcmp0 (reward->component, component->id) == 0)
        cost += reward->cost;
    }

  return cost;
}

static char *
format_cell (const ColumnSpec  *spec,
             PalierPartnerItem *item)
{
  const PalierPartnerResult *partner = palier_partner_item_get_result (item);
  const char *currency = spec->view->result->program->currency;
  PalierDecimal attainment;

  switch (spec->kind)
    {
    case COLUMN_PARTNER:
      return g_strdup (partner->partner);

    case COLUMN_NAME:
      return g_strdup (partner->name);

    case COLUMN_SEGMENT:
      return g_strdup (partner->segment);

    case COLUMN_SALES:
      return palier_format_money (partner->sales, currency);

    case COLUMN_ATTAINMENT:
      if (!palier_partner_item_get_attainment (item, &attainment))
        return g_strdup ("—");
      return palier_format_percent (attainment, 1);

    case COLUMN_PAYOUT:
      return palier_format_money (partner->payout, currency);

    case COLUMN_NON_CASH:
      return palier_format_money (partner->non_cash, currency);

    case COLUMN_COMPONENT:
      return palier_format_money (component_amount (spec, item), currency);

    default:
      g_assert_not_reached ();
    }
}

static guint
min_chars_for_column (ColumnKind kind)
{
  if (kind == COLUMN_ATTAINMENT)
    return 8;
  return column_is_numeric (kind) ? 16 : 8;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnSpec               *spec)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  /* Wide enough for "$12,345,678.90" (min-chars counts average
   * characters, and digits are wider): the table scrolls sideways before
   * it clips an amount. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), min_chars_for_column (spec->kind));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), min_chars_for_column (spec->kind) + 2);
  if (column_is_numeric (spec->kind))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }

  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnSpec               *spec)
{
  PalierPartnerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  if (spec->view->result != NULL)
    text = format_cell (spec, item);

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
}

static int
compare_component_cb (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  const ColumnSpec *spec = user_data;
  PalierDecimal amount_a = component_amount (spec, (PalierPartnerItem *) a);
  PalierDecimal amount_b = component_amount (spec, (PalierPartnerItem *) b);

  return (amount_a > amount_b) - (amount_a < amount_b);
}

static GtkSorter *
sorter_for_column (const ColumnSpec *spec)
{
  static const char *const property_names[] = {
    [COLUMN_PARTNER] = "partner",
    [COLUMN_NAME] = "name",
    [COLUMN_SEGMENT] = "segment",
    [COLUMN_SALES] = "sales",
    [COLUMN_ATTAINMENT] = "attainment",
    [COLUMN_PAYOUT] = "payout",
  };
  GtkExpression *expression;

  if (spec->kind == COLUMN_COMPONENT || spec->kind == COLUMN_NON_CASH)
    return GTK_SORTER (gtk_custom_sorter_new (compare_component_cb,
                                              g_memdup2 (spec, sizeof *spec), g_free));

  expression = gtk_property_expression_new (PALIER_TYPE_PARTNER_ITEM, NULL, property_names[spec->kind]);
  if (column_is_numeric (spec->kind))
    return GTK_SORTER (gtk_numeric_sorter_new (expression));

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

/* Appends a column.  The column owns its spec, through its factory. */
static GtkColumnViewColumn *
append_column (PalierResultsView *self,
               const char        *title,
               ColumnKind         kind,
               guint              component)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkSorter) sorter = NULL;
  GtkColumnViewColumn *column;
  ColumnSpec *spec;

  spec = g_new0 (ColumnSpec, 1);
  spec->view = self;
  spec->kind = kind;
  spec->component = component;
  g_object_set_data_full (G_OBJECT (factory), "palier-column-spec", spec, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), spec);

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  sorter = sorter_for_column (spec);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->partner_table, column);

  /* The column view keeps its own reference. */
  g_object_unref (column);
  return column;
}

static void
add_fixed_columns (PalierResultsView *self)
{
  append_column (self, _("Partner"), COLUMN_PARTNER, 0);
  self->name_column = append_column (self, _("Name"), COLUMN_NAME, 0);
  append_column (self, _("Segment"), COLUMN_SEGMENT, 0);
  append_column (self, _("Sales"), COLUMN_SALES, 0);
  append_column (self, _("Attainment"), COLUMN_ATTAINMENT, 0);
  self->payout_column = append_column (self, _("Payout"), COLUMN_PAYOUT, 0);
}

/* Sales files without partner names get the code as the name: the Name
 * column then only repeats the Partner column. */
static gboolean
result_has_names (const PalierResult *result)
{
  for (guint i = 0; i < result->partners->len; i++)
    {
      const PalierPartnerResult *partner = g_ptr_array_index (result->partners, i);

      if (partner->name != NULL && partner->name[0] != '\0' &&
          g_strcmp0 (partner->name, partner->partner) != 0)
        return TRUE;
    }

  return FALSE;
}

static void
replace_component_columns (PalierResultsView *self)
{
  for (guint i = 0; i < self->component_columns->len; i++)
    gtk_column_view_remove_column (self->partner_table, g_ptr_array_index (self->component_columns, i));
  g_ptr_array_set_size (self->component_columns, 0);

  for (guint i = 0; i < self->result->n_components; i++)
    {
      const PalierComponent *component = g_ptr_array_index (self->result->program->components, i);

      g_ptr_array_add (self->component_columns,
                       append_column (self, component->name, COLUMN_COMPONENT, i));
    }

  /* Only a program with a reward has non-cash costs to show. */
  if (self->result->has_rewards)
    g_ptr_array_add (self->component_columns, append_column (self, _("Non-cash"), COLUMN_NON_CASH, 0));
}

/* The partner's details */

static void
close_detail (PalierResultsView *self)
{
  palier_partner_detail_clear (self->partner_detail);
  gtk_stack_set_visible_child_name (self->side_stack, "charts");

  if (self->charts_position >= 0)
    gtk_paned_set_position (self->paned, self->charts_position);
  self->charts_position = -1;
}

/* Narrows the table so that the details show every column of the
 * periods, but keeps two fifths of the width for the table's first
 * columns: partner, segment, sales, attainment and payout on the sample
 * at 1280 pixels.  Closing the details restores the width the charts
 * had.  A view not laid out yet, as when the first result comes in, is
 * as wide as its stack of pages. */
static void
widen_detail (PalierResultsView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->stack));
  int position = gtk_paned_get_position (self->paned);
  int handle_width = 0;
  int natural;
  int wanted;

  if (width <= 0)
    return;

  if (gtk_widget_get_width (GTK_WIDGET (self->paned)) > 0)
    handle_width = gtk_widget_get_width (GTK_WIDGET (self->paned)) - position -
                   gtk_widget_get_width (GTK_WIDGET (self->side_stack));

  gtk_widget_measure (GTK_WIDGET (self->partner_detail), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &natural, NULL, NULL);

  self->charts_position = position;
  wanted = MAX (width - handle_width - natural, width * 2 / 5);
  if (wanted < position)
    gtk_paned_set_position (self->paned, wanted);
}

static void
open_detail (PalierResultsView *self,
             const char        *partner)
{
  if (self->result == NULL ||
      !palier_partner_detail_show (self->partner_detail, self->result, partner))
    {
      close_detail (self);
      return;
    }

  if (self->charts_position < 0)
    widen_detail (self);
  gtk_stack_set_visible_child_name (self->side_stack, "detail");
}

static void
selection_changed_cb (PalierResultsView *self)
{
  PalierPartnerItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->replacing_model)
    return;

  if (item != NULL)
    open_detail (self, palier_partner_item_get_partner (item));
  else
    close_detail (self);
}

/* Activating a row opens it again after the user closed the details. */
static void
row_activated_cb (PalierResultsView *self,
                  guint              position)
{
  g_autoptr(PalierPartnerItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL)
    open_detail (self, palier_partner_item_get_partner (item));
}

static void
detail_close_cb (PalierResultsView *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  close_detail (self);
}

static guint
find_partner_position (PalierResultsView *self,
                       const char        *partner)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PalierPartnerItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (palier_partner_item_get_partner (item), partner) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Replaces the table's partners with those of the result shown.  The
 * details follow the same partner in the new result, and close when the
 * new result no longer has it. */
static void
replace_partners (PalierResultsView *self,
                  GListModel        *items)
{
  g_autofree char *partner = g_strdup (palier_partner_detail_get_partner (self->partner_detail));

  /* For screenshots: the partner whose details open with the first
   * result. */
  if (partner == NULL)
    partner = g_strdup (g_getenv ("PALIER_RESULTS_DEMO_PARTNER"));

  self->replacing_model = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, items);
  if (partner != NULL)
    gtk_single_selection_set_selected (self->selection, find_partner_position (self, partner));
  self->replacing_model = FALSE;

  if (partner != NULL)
    open_detail (self, partner);
}

/* Showing a result */

static void
set_amount_label (GtkLabel      *label,
                  PalierDecimal  value,
                  const char    *currency)
{
  g_autofree char *text = palier_format_money (value, currency);

  gtk_label_set_text (label, text);
}

static void
show_totals (PalierResultsView *self)
{
  const PalierResult *result = self->result;
  const char *currency = result->program->currency;
  g_autofree char *cost = palier_format_percent (result->cost_of_sales, 2);
  g_autofree char *partners = palier_format_count (result->partners->len);
  g_autofree char *dates = NULL;
  g_autofree char *range = NULL;

  if (palier_date_is_valid (result->from) && palier_date_is_valid (result->to))
    dates = palier_format_date_range (result->from, result->to);
  else
    dates = g_strdup (_("No sales"));

  /* Translators: under the program's name in the Results view:
   * "January 3, 2014 to December 30, 2017, 793 partners". */
  range = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s partner", "%s, %s partners",
                                        result->partners->len),
                           dates, partners);

  gtk_label_set_text (self->program_label, result->program->name);
  gtk_label_set_text (self->range_label, range);
  set_amount_label (self->total_sales_label, result->total_sales, currency);
  set_amount_label (self->total_payout_label, result->total_payout, currency);
  set_amount_label (self->total_non_cash_label, result->total_non_cash, currency);
  gtk_widget_set_visible (self->non_cash_card, result->has_rewards);
  gtk_label_set_text (self->cost_of_sales_label, cost);
}

static void
show_component_totals (PalierResultsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->component_list))) != NULL)
    gtk_list_box_remove (self->component_list, child);

  for (guint i = 0; i < self->result->n_components; i++)
    {
      const PalierComponent *component = g_ptr_array_index (self->result->program->components, i);
      gboolean reward = component->kind == PALIER_COMPONENT_REWARD;
      g_autofree char *amount = palier_format_money (reward ? self->result->component_non_cash[i]
                                                            : self->result->component_totals[i],
                                                     self->result->program->currency);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (amount);

      gtk_widget_add_css_class (label, "numeric");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component->name);
      if (reward)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Non-cash reward, not in the payout"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      gtk_list_box_append (self->component_list, row);
    }
}

static void
show_result (PalierResultsView *self)
{
  g_autoptr(GListModel) items = palier_partner_items_new (self->result);

  show_totals (self);
  show_component_totals (self);

  /* The old rows leave before the columns change, so that no row of
   * the previous result is bound to a column of the new program. */
  self->replacing_model = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  self->replacing_model = FALSE;

  replace_component_columns (self);
  gtk_column_view_column_set_visible (self->name_column, result_has_names (self->result));
  replace_partners (self, items);

  palier_chart_view_set_result (self->periods_chart, self->result);
  palier_chart_view_set_result (self->distribution_chart, self->result);

  gtk_stack_set_visible_child_name (self->stack, "results");
}

static void
set_result (PalierResultsView *self,
            PalierResult      *result)
{
  gboolean had_result = self->result != NULL;

  if (result != NULL)
    palier_result_ref (result);
  g_clear_pointer (&self->result, palier_result_unref);
  self->result = result;

  if (result == NULL)
    {
      self->replacing_model = TRUE;
      gtk_filter_list_model_set_model (self->filter_model, NULL);
      self->replacing_model = FALSE;
      close_detail (self);
      palier_chart_view_set_result (self->periods_chart, NULL);
      palier_chart_view_set_result (self->distribution_chart, NULL);
    }

  if (had_result != (result != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RESULT]);
}

/* Running */

static void
set_running (PalierResultsView *self,
             gboolean           running)
{
  if (running)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
show_idle_page (PalierResultsView *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->result != NULL ? "results" : "empty");
}

static void
simulated_cb (GObject      *source,
              GAsyncResult *async_result,
              gpointer      user_data)
{
  g_autoptr(PalierResultsView) self = user_data;
  g_autoptr(PalierResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = palier_workspace_simulate_finish (PALIER_WORKSPACE (source), async_result, &error);

  /* A run that was replaced or cancelled reports nothing. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (result == NULL)
    {
      set_result (self, NULL);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  set_result (self, result);
  show_result (self);
}

void
palier_results_view_simulate (PalierResultsView *self,
                              PalierWorkspace   *workspace,
                              PalierProgram     *program)
{
  g_autofree char *running = NULL;

  g_return_if_fail (PALIER_IS_RESULTS_VIEW (self));
  g_return_if_fail (PALIER_IS_WORKSPACE (workspace));
  g_return_if_fail (program != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  palier_program_ref (program);
  g_clear_pointer (&self->program, palier_program_unref);
  self->program = program;

  /* Translators: shown while a program is simulated. */
  running = g_strdup_printf (_("Simulating “%s”…"), program->name);
  gtk_label_set_text (self->running_label, running);
  gtk_stack_set_visible_child_name (self->stack, "running");
  set_running (self, TRUE);

  palier_workspace_simulate_async (workspace, program, self->cancellable,
                                   simulated_cb, g_object_ref (self));
}

static void
cancel_clicked_cb (PalierResultsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_running (self, FALSE);
  show_idle_page (self);
}

void
palier_results_view_resimulate (PalierResultsView *self,
                                PalierWorkspace   *workspace)
{
  g_autoptr(PalierProgram) program = NULL;

  g_return_if_fail (PALIER_IS_RESULTS_VIEW (self));
  g_return_if_fail (PALIER_IS_WORKSPACE (workspace));

  if (self->program == NULL)
    return;

  program = palier_program_ref (self->program);
  palier_results_view_simulate (self, workspace, program);
}

void
palier_results_view_clear (PalierResultsView *self)
{
  g_return_if_fail (PALIER_IS_RESULTS_VIEW (self));

  if (self->cancellable != NULL)
    cancel_clicked_cb (self);

  g_clear_pointer (&self->program, palier_program_unref);
  set_result (self, NULL);
  show_idle_page (self);
}

void
palier_results_view_show_result (PalierResultsView *self,
                                 PalierResult      *result)
{
  g_return_if_fail (PALIER_IS_RESULTS_VIEW (self));
  g_return_if_fail (result != NULL);

  if (self->cancellable != NULL)
    cancel_clicked_cb (self);

  palier_program_ref (result->program);
  g_clear_pointer (&self->program, palier_program_unref);
  self->program = result->program;

  set_result (self, result);
  show_result (self);
}

PalierRangeSelector *
palier_results_view_get_range_selector (PalierResultsView *self)
{
  g_return_val_if_fail (PALIER_IS_RESULTS_VIEW (self), NULL);

  return self->range_selector;
}

PalierResult *
palier_results_view_get_result (PalierResultsView *self)
{
  g_return_val_if_fail (PALIER_IS_RESULTS_VIEW (self), NULL);

  return self->result;
}

static void
search_changed_cb (PalierResultsView *self,
                   GtkSearchEntry    *entry)
{
  gtk_string_filter_set_search (self->search_filter,
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* GObject */

static void
palier_results_view_dispose (GObject *object)
{
  PalierResultsView *self = PALIER_RESULTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  g_clear_pointer (&self->component_columns, g_ptr_array_unref);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_pointer (&self->program, palier_program_unref);

  G_OBJECT_CLASS (palier_results_view_parent_class)->dispose (object);
}

static void
palier_results_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PalierResultsView *self = PALIER_RESULTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_HAS_RESULT:
      g_value_set_boolean (value, self->result != NULL);
      break;

    case PROP_RUNNING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_results_view_class_init (PalierResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_results_view_dispose;
  object_class->get_property = palier_results_view_get_property;

  /* Whether a result is shown, which is what the export needs. */
  properties[PROP_HAS_RESULT] =
    g_param_spec_boolean ("has-result", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether a simulation is running. */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALIER_TYPE_CHART_VIEW);
  g_type_ensure (PALIER_TYPE_RANGE_SELECTOR);
  g_type_ensure (PALIER_TYPE_PARTNER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, running_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, program_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, range_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, range_selector);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, total_sales_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, total_payout_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, non_cash_card);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, total_non_cash_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, cost_of_sales_label);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, partner_table);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, component_list);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, periods_chart);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, distribution_chart);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, paned);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierResultsView, partner_detail);
  gtk_widget_class_bind_template_callback (widget_class, detail_close_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
}

/* The table's model: the partners, filtered by the search, sorted by the
 * column headers. */
static void
setup_partner_model (PalierResultsView *self)
{
  GtkExpression *search_expression;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;

  search_expression = gtk_property_expression_new (PALIER_TYPE_PARTNER_ITEM, NULL, "search-text");
  self->search_filter = gtk_string_filter_new (search_expression);
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);

  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                        g_object_ref (gtk_column_view_get_sorter (self->partner_table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sort_model));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect_object (selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_column_view_set_model (self->partner_table, GTK_SELECTION_MODEL (selection));
  self->selection = selection;
  g_object_unref (selection);
}

static void
palier_results_view_init (PalierResultsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->component_columns = g_ptr_array_new ();
  self->charts_position = -1;

  add_fixed_columns (self);
  setup_partner_model (self);
  gtk_column_view_sort_by_column (self->partner_table, self->payout_column, GTK_SORT_DESCENDING);
  g_signal_connect_object (self->partner_table, "activate",
                           G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->side_stack, "charts");

  gtk_stack_set_visible_child_name (self->stack, "empty");
}
