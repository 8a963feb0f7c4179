/* palier-compare-view.c: two programs on the same sales
 *
 * The user picks a baseline and a proposal among the workspace's
 * programs.  palier_compare() then pays the sales under both in a worker
 * thread, and picking again cancels a comparison still running.  The view shows both
 * totals and their difference, how many partners are better or worse
 * off, a sortable and searchable table of every partner's change, and
 * the core's chart of the largest changes.  The list of programs is read
 * again each time the view is shown, because the Designer and the
 * program import add programs behind its back.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-compare-view.h"
#include "palier-comparison-item.h"
#include "palier-format.h"
#include "palier-range-selector.h"

struct _PalierCompareView
{
  AdwBin parent_instance;

  PalierWorkspace *workspace;
  GPtrArray *program_ids;               /* char *, in the drop-downs' order */
  PalierComparison *comparison;
  GCancellable *cancellable;
  gboolean filling;                     /* drop-downs being set by the view */

  GtkFilterListModel *filter_model;
  GtkStringFilter *search_filter;

  /* template */
  GtkStack *stack;
  GtkDropDown *baseline_drop_down;
  GtkDropDown *proposal_drop_down;
  PalierRangeSelector *range_selector;
  GtkStack *result_stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *baseline_label;
  GtkLabel *proposal_label;
  GtkLabel *difference_label;
  GtkLabel *gain_label;
  GtkLabel *lose_label;
  GtkLabel *same_label;
  GtkSearchEntry *search_entry;
  GtkColumnView *partner_table;
  GtkDrawingArea *chart;
};

G_DEFINE_FINAL_TYPE (PalierCompareView, palier_compare_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKSPACE,
  PROP_HAS_COMPARISON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
comparison_currency (const PalierComparison *comparison)
{
  return comparison->baseline->program->currency;
}

/* A change of money with its sign: "+$12.00", "-$57.00", "$0.00". */
static char *
format_difference (PalierDecimal  value,
                   const char    *currency)
{
  g_autofree char *money = palier_format_money (value, currency);

  if (value > 0)
    /* Translators: a payout that grows, with its sign: "+$12.00". */
    return g_strdup_printf (_("+%s"), money);

  return g_steal_pointer (&money);
}

/* Showing a comparison */

static void
set_comparison (PalierCompareView *self,
                PalierComparison  *comparison)
{
  gboolean had_comparison = self->comparison != NULL;

  if (comparison != NULL)
    palier_comparison_ref (comparison);
  g_clear_pointer (&self->comparison, palier_comparison_unref);
  self->comparison = comparison;

  if (comparison == NULL)
    gtk_filter_list_model_set_model (self->filter_model, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));

  if (had_comparison != (comparison != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_COMPARISON]);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = palier_format_count (count);

  gtk_label_set_text (label, text);
}

static void
show_comparison (PalierCompareView *self,
                 PalierComparison  *comparison)
{
  const char *currency = comparison_currency (comparison);
  g_autofree char *baseline = palier_format_money (comparison->baseline->total_payout, currency);
  g_autofree char *proposal = palier_format_money (comparison->proposal->total_payout, currency);
  g_autofree char *difference = format_difference (comparison->difference, currency);
  g_autoptr(GListModel) items = palier_comparison_items_new (comparison);

  set_comparison (self, comparison);

  gtk_label_set_text (self->baseline_label, baseline);
  gtk_label_set_text (self->proposal_label, proposal);
  gtk_label_set_text (self->difference_label, difference);
  set_count (self->gain_label, comparison->n_gain);
  set_count (self->lose_label, comparison->n_lose);
  set_count (self->same_label, comparison->n_same);

  gtk_filter_list_model_set_model (self->filter_model, items);
  gtk_stack_set_visible_child_name (self->result_stack, "result");
}

static void
show_error (PalierCompareView *self,
            const char        *message)
{
  set_comparison (self, NULL);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->result_stack, "error");
}

/* Running the comparison */

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PalierCompareView) self = user_data;
  g_autoptr(PalierComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  comparison = palier_workspace_compare_finish (PALIER_WORKSPACE (source), result, &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (comparison == NULL)
    show_error (self, error->message);
  else
    show_comparison (self, comparison);
}

static const char *
selected_id (PalierCompareView *self,
             GtkDropDown       *drop_down)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->program_ids == NULL || selected >= self->program_ids->len)
    return NULL;

  return g_ptr_array_index (self->program_ids, selected);
}

static void
cancel_comparison (PalierCompareView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
}

/* Compares the selected programs, cancelling any comparison still
 * running. */
static void
run_comparison (PalierCompareView *self)
{
  PalierStore *store = palier_workspace_get_store (self->workspace);
  const char *baseline_id = selected_id (self, self->baseline_drop_down);
  const char *proposal_id = selected_id (self, self->proposal_drop_down);
  g_autoptr(PalierProgram) baseline = NULL;
  g_autoptr(PalierProgram) proposal = NULL;
  g_autoptr(GError) error = NULL;

  cancel_comparison (self);
  set_comparison (self, NULL);

  if (baseline_id == NULL || proposal_id == NULL)
    return;

  if (g_strcmp0 (baseline_id, proposal_id) == 0)
    {
      show_error (self, _("The baseline and the proposal are the same program. Pick another program as the proposal."));
      return;
    }

  baseline = palier_store_load_program (store, baseline_id, &error);
  if (baseline != NULL)
    proposal = palier_store_load_program (store, proposal_id, &error);
  if (proposal == NULL)
    {
      show_error (self, error->message);
      return;
    }

  self->cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->result_stack, "running");

  palier_workspace_compare_async (self->workspace, baseline, proposal, self->cancellable,
                                  compared_cb, g_object_ref (self));
}

static void
selection_changed_cb (PalierCompareView *self)
{
  if (!self->filling)
    run_comparison (self);
}

static void
cancel_clicked_cb (PalierCompareView *self)
{
  cancel_comparison (self);
  gtk_stack_set_visible_child_name (self->result_stack, "cancelled");
}

static void
search_changed_cb (PalierCompareView *self)
{
  gtk_string_filter_set_search (self->search_filter,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The list of programs */

/* The drop-downs ellipsize a long program name on their button, so that
 * it does not widen the window, but show it whole in their list. */
static void
button_label_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_list_item_set_child (list_item, label);
}

static void
list_label_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_list_item_set_child (list_item, label);
}

static void
label_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkStringObject *name = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (name));
}

static void
setup_drop_down (GtkDropDown *drop_down)
{
  g_autoptr(GtkListItemFactory) button_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (button_factory, "setup", G_CALLBACK (button_label_setup_cb), NULL);
  g_signal_connect (button_factory, "bind", G_CALLBACK (label_bind_cb), NULL);
  g_signal_connect (list_factory, "setup", G_CALLBACK (list_label_setup_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (label_bind_cb), NULL);

  gtk_drop_down_set_factory (drop_down, button_factory);
  gtk_drop_down_set_list_factory (drop_down, list_factory);
}

/* Forgets the programs and the comparison, which the view reads again
 * once it is shown. */
static void
forget_programs (PalierCompareView *self)
{
  cancel_comparison (self);
  set_comparison (self, NULL);
  g_clear_pointer (&self->program_ids, g_ptr_array_unref);
}

static guint
index_of_id (GPtrArray  *ids,
             const char *id,
             guint       fallback)
{
  guint index;

  if (id != NULL && g_ptr_array_find_with_equal_func (ids, id, g_str_equal, &index))
    return index;

  return MIN (fallback, ids->len - 1);
}

/* Names the programs in the drop-downs.  A program that cannot be read
 * is listed under its id, and comparing it shows why. */
static GtkStringList *
program_names_new (PalierStore *store,
                   GPtrArray   *ids)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(PalierProgram) program = palier_store_load_program (store, id, NULL);

      gtk_string_list_append (names, program != NULL && program->name != NULL ? program->name : id);
    }

  return names;
}

static gboolean
same_ids (GPtrArray *a,
          GPtrArray *b)
{
  if (a == NULL || b == NULL || a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

/* Fills the drop-downs with @ids, selecting @baseline_id and
 * @proposal_id when they are among them, else the first two. */
static void
fill_programs (PalierCompareView *self,
               GPtrArray         *ids,
               const char        *baseline_id,
               const char        *proposal_id)
{
  g_autoptr(GtkStringList) names = program_names_new (palier_workspace_get_store (self->workspace), ids);

  g_clear_pointer (&self->program_ids, g_ptr_array_unref);
  self->program_ids = g_ptr_array_ref (ids);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->baseline_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->proposal_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->baseline_drop_down, index_of_id (ids, baseline_id, 0));
  gtk_drop_down_set_selected (self->proposal_drop_down, index_of_id (ids, proposal_id, 1));
  self->filling = FALSE;
}

void
palier_compare_view_reload (PalierCompareView *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  g_autofree char *baseline_id = NULL;
  g_autofree char *proposal_id = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PALIER_IS_COMPARE_VIEW (self));

  if (self->workspace == NULL)
    {
      forget_programs (self);
      gtk_stack_set_visible_child_name (self->stack, "no-workspace");
      return;
    }

  ids = palier_store_list_programs (palier_workspace_get_store (self->workspace), &error);
  if (ids == NULL || ids->len < 2)
    {
      forget_programs (self);
      gtk_stack_set_visible_child_name (self->stack, "no-programs");
      return;
    }

  /* Programs keep their ids and names, so an unchanged list keeps the
   * comparison shown. */
  if (same_ids (ids, self->program_ids) && self->comparison != NULL)
    return;

  baseline_id = g_strdup (selected_id (self, self->baseline_drop_down));
  proposal_id = g_strdup (selected_id (self, self->proposal_drop_down));
  fill_programs (self, ids, baseline_id, proposal_id);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  run_comparison (self);
}

gboolean
palier_compare_view_select (PalierCompareView *self,
                            const char        *baseline_id,
                            const char        *proposal_id)
{
  guint baseline;
  guint proposal;

  g_return_val_if_fail (PALIER_IS_COMPARE_VIEW (self), FALSE);
  g_return_val_if_fail (baseline_id != NULL && proposal_id != NULL, FALSE);

  palier_compare_view_reload (self);
  if (self->program_ids == NULL ||
      !g_ptr_array_find_with_equal_func (self->program_ids, baseline_id, g_str_equal, &baseline) ||
      !g_ptr_array_find_with_equal_func (self->program_ids, proposal_id, g_str_equal, &proposal))
    return FALSE;

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->baseline_drop_down, baseline);
  gtk_drop_down_set_selected (self->proposal_drop_down, proposal);
  self->filling = FALSE;

  run_comparison (self);
  return TRUE;
}

/* Sales added by an import change every payout. */
static void
sales_changed_cb (PalierCompareView *self)
{
  forget_programs (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    palier_compare_view_reload (self);
}

/* The comparison reads the simulated range, whether the view is shown
 * or not, so that it never shows payouts of another range. */
static void
range_changed_cb (PalierCompareView *self)
{
  if (self->program_ids != NULL)
    run_comparison (self);
}

static void
map_cb (PalierCompareView *self)
{
  palier_compare_view_reload (self);
}

/* The chart */

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PalierCompareView *self = user_data;
  PalierChartStyle style;

  if (self->comparison == NULL)
    return;

  palier_chart_view_init_style (GTK_WIDGET (area), &style);
  palier_chart_draw_differences (cr, width, height, self->comparison, &style);
}

/* The table */

typedef enum {
  COLUMN_PARTNER,
  COLUMN_SEGMENT,
  COLUMN_BASELINE,
  COLUMN_PROPOSAL,
  COLUMN_DIFFERENCE,
} ColumnKind;

static gboolean
column_is_numeric (ColumnKind kind)
{
  return kind == COLUMN_BASELINE || kind == COLUMN_PROPOSAL || kind == COLUMN_DIFFERENCE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnKind kind = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  /* Wide enough for "+$1,234,567.89". */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), column_is_numeric (kind) ? 16 : 8);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column_is_numeric (kind) ? 18 : 10);
  if (column_is_numeric (kind))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }

  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PalierCompareView        *self)
{
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "palier-column"));
  PalierComparisonItem *item = gtk_list_item_get_item (list_item);
  const PalierComparisonRow *row = palier_comparison_item_get_row (item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  const char *currency = comparison_currency (self->comparison);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (inscription, "success");
  gtk_widget_remove_css_class (inscription, "error");

  switch (kind)
    {
    case COLUMN_PARTNER:
      text = g_strdup (row->partner);
      break;

    case COLUMN_SEGMENT:
      text = g_strdup (row->segment);
      break;

    case COLUMN_BASELINE:
      text = palier_format_money (row->baseline, currency);
      break;

    case COLUMN_PROPOSAL:
      text = palier_format_money (row->proposal, currency);
      break;

    case COLUMN_DIFFERENCE:
      text = format_difference (row->difference, currency);
      if (row->difference != 0)
        gtk_widget_add_css_class (inscription, row->difference > 0 ? "success" : "error");
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
}

static GtkSorter *
sorter_for_column (ColumnKind kind)
{
  static const char *const property_names[] = {
    [COLUMN_PARTNER] = "partner",
    [COLUMN_SEGMENT] = "segment",
    [COLUMN_BASELINE] = "baseline",
    [COLUMN_PROPOSAL] = "proposal",
    [COLUMN_DIFFERENCE] = "difference",
  };
  GtkExpression *expression;

  expression = gtk_property_expression_new (PALIER_TYPE_COMPARISON_ITEM, NULL, property_names[kind]);
  if (column_is_numeric (kind))
    return GTK_SORTER (gtk_numeric_sorter_new (expression));

  return GTK_SORTER (gtk_string_sorter_new (expression));
}

static void
append_column (PalierCompareView *self,
               const char        *title,
               ColumnKind         kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = sorter_for_column (kind);

  g_object_set_data (G_OBJECT (factory), "palier-column", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, kind == COLUMN_PARTNER);
  gtk_column_view_append_column (self->partner_table, column);
}

/* The table's model: the partners, filtered by the search, sorted by the
 * column headers, else by the size of their change. */
static void
setup_partner_table (PalierCompareView *self)
{
  GtkExpression *search_expression;
  GtkSortListModel *sort_model;
  GtkSingleSelection *selection;

  append_column (self, _("Partner"), COLUMN_PARTNER);
  append_column (self, _("Segment"), COLUMN_SEGMENT);
  append_column (self, _("Baseline"), COLUMN_BASELINE);
  append_column (self, _("Proposal"), COLUMN_PROPOSAL);
  append_column (self, _("Difference"), COLUMN_DIFFERENCE);

  search_expression = gtk_property_expression_new (PALIER_TYPE_COMPARISON_ITEM, NULL, "search-text");
  self->search_filter = gtk_string_filter_new (search_expression);
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);

  self->filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                        g_object_ref (gtk_column_view_get_sorter (self->partner_table)));
  selection = gtk_single_selection_new (G_LIST_MODEL (sort_model));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  gtk_column_view_set_model (self->partner_table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

/* GObject */

static void
palier_compare_view_dispose (GObject *object)
{
  PalierCompareView *self = PALIER_COMPARE_VIEW (object);

  cancel_comparison (self);
  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (palier_compare_view_parent_class)->dispose (object);
}

static void
palier_compare_view_finalize (GObject *object)
{
  PalierCompareView *self = PALIER_COMPARE_VIEW (object);

  g_clear_pointer (&self->program_ids, g_ptr_array_unref);
  g_clear_pointer (&self->comparison, palier_comparison_unref);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->search_filter);

  G_OBJECT_CLASS (palier_compare_view_parent_class)->finalize (object);
}

static void
palier_compare_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PalierCompareView *self = PALIER_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      g_value_set_object (value, self->workspace);
      break;

    case PROP_HAS_COMPARISON:
      g_value_set_boolean (value, self->comparison != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_compare_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PalierCompareView *self = PALIER_COMPARE_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKSPACE:
      palier_compare_view_set_workspace (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_compare_view_class_init (PalierCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_compare_view_dispose;
  object_class->finalize = palier_compare_view_finalize;
  object_class->get_property = palier_compare_view_get_property;
  object_class->set_property = palier_compare_view_set_property;

  properties[PROP_WORKSPACE] =
    g_param_spec_object ("workspace", NULL, NULL,
                         PALIER_TYPE_WORKSPACE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether a comparison is shown, for the actions that export it. */
  properties[PROP_HAS_COMPARISON] =
    g_param_spec_boolean ("has-comparison", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PALIER_TYPE_RANGE_SELECTOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, baseline_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, proposal_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, range_selector);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, result_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, baseline_label);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, proposal_label);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, difference_label);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, gain_label);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, lose_label);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, same_label);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, partner_table);
  gtk_widget_class_bind_template_child (widget_class, PalierCompareView, chart);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
}

static void
palier_compare_view_init (PalierCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_partner_table (self);
  setup_drop_down (self->baseline_drop_down);
  setup_drop_down (self->proposal_drop_down);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);

  g_signal_connect_object (self->baseline_drop_down, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->proposal_drop_down, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);

  gtk_stack_set_visible_child_name (self->stack, "no-workspace");
}

PalierWorkspace *
palier_compare_view_get_workspace (PalierCompareView *self)
{
  g_return_val_if_fail (PALIER_IS_COMPARE_VIEW (self), NULL);

  return self->workspace;
}

void
palier_compare_view_set_workspace (PalierCompareView *self,
                                   PalierWorkspace   *workspace)
{
  g_return_if_fail (PALIER_IS_COMPARE_VIEW (self));
  g_return_if_fail (workspace == NULL || PALIER_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);
  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "sales-changed", G_CALLBACK (sales_changed_cb), self);
      g_signal_connect_swapped (workspace, "range-changed", G_CALLBACK (range_changed_cb), self);
    }
  palier_range_selector_set_workspace (self->range_selector, workspace);

  /* Programs of another workspace keep no selection.  The comparison
   * waits until the view is shown. */
  forget_programs (self);
  if (workspace == NULL || gtk_widget_get_mapped (GTK_WIDGET (self)))
    palier_compare_view_reload (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "no-programs");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKSPACE]);
}

PalierComparison *
palier_compare_view_get_comparison (PalierCompareView *self)
{
  g_return_val_if_fail (PALIER_IS_COMPARE_VIEW (self), NULL);

  return self->comparison;
}

PalierRangeSelector *
palier_compare_view_get_range_selector (PalierCompareView *self)
{
  g_return_val_if_fail (PALIER_IS_COMPARE_VIEW (self), NULL);

  return self->range_selector;
}
