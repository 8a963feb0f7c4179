/* palier-scenario-compare.c: up to four scenario results side by side
 *
 * A table of figures with one column per scenario (totals, cost of
 * sales, the total of each component, partners per tier reached, and
 * winners and losers against the first scenario).  Below it come the
 * core's comparison charts, each one plot with every scenario on one
 * y-scale: grouped bars of payouts per period, the overlaid
 * distribution of partner costs, and each scenario's per-partner
 * differences against the first.  The widget only presents a comparison; the Scenarios view
 * computes it.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-format.h"
#include "palier-scenario-compare.h"

struct _PalierScenarioCompare
{
  AdwBin parent_instance;

  PalierScenarioComparison *comparison;
  GHashTable *figures;                  /* "key/column" → GtkLabel, not owned */

  /* template */
  GtkStack *stack;
  GtkGrid *figures_grid;
  GtkBox *periods_box;
  GtkBox *distribution_box;
  GtkStack *differences_stack;
  GtkBox *differences_box;
};

G_DEFINE_FINAL_TYPE (PalierScenarioCompare, palier_scenario_compare, ADW_TYPE_BIN)

/* What one drawing area of the chart pages draws. */
typedef struct {
  PalierScenarioCompare *self;          /* not owned: the area dies first */
  PalierScenarioChart chart;
} ChartCell;

static const char *
column_currency (const PalierScenarioColumn *column)
{
  return column->result->program->currency;
}

/* The figures table */

static char *
figure_id (const char *key,
           guint       column)
{
  return g_strdup_printf ("%s/%u", key, column);
}

static void
clear_grid (PalierScenarioCompare *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->figures);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_grid))) != NULL)
    gtk_grid_remove (self->figures_grid, child);
}

static void
attach_heading (PalierScenarioCompare *self,
                const char            *text,
                int                    row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "heading");
  if (row > 0)
    gtk_widget_set_margin_top (label, 12);
  gtk_grid_attach (self->figures_grid, label, 0, row, 1, 1);
}

static void
attach_row_title (PalierScenarioCompare *self,
                  const char            *text,
                  int                    row)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (self->figures_grid, label, 0, row, 1, 1);
}

/* Puts @text in the cell of @key and @column.  NULL shows a dash: the
 * scenario has no such figure. */
static void
attach_figure (PalierScenarioCompare *self,
               const char            *key,
               guint                  column,
               int                    row,
               const char            *text)
{
  GtkWidget *label = gtk_label_new (text != NULL ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 1.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->figures_grid, label, (int) column + 1, row, 1, 1);
  g_hash_table_insert (self->figures, figure_id (key, column), label);
}

static void
attach_money_row (PalierScenarioCompare *self,
                  const char            *title,
                  const char            *key,
                  gsize                  offset,
                  int                    row)
{
  attach_row_title (self, title, row);
  for (guint i = 0; i < self->comparison->n_columns; i++)
    {
      const PalierScenarioColumn *column = &self->comparison->columns[i];
      PalierDecimal value = G_STRUCT_MEMBER (PalierDecimal, column, offset);
      g_autofree char *text = palier_format_money (value, column_currency (column));

      attach_figure (self, key, i, row, text);
    }
}

static int
attach_totals (PalierScenarioCompare *self,
               int                    row)
{
  gboolean has_non_cash = FALSE;

  attach_money_row (self, _("Sales"), "sales", G_STRUCT_OFFSET (PalierScenarioColumn, sales), row++);
  attach_money_row (self, _("Payout"), "payout", G_STRUCT_OFFSET (PalierScenarioColumn, payout), row++);

  for (guint i = 0; i < self->comparison->n_columns; i++)
    has_non_cash |= self->comparison->columns[i].non_cash != 0;
  if (has_non_cash)
    attach_money_row (self, _("Non-cash rewards"), "non-cash",
                      G_STRUCT_OFFSET (PalierScenarioColumn, non_cash), row++);

  attach_money_row (self, _("Total cost"), "cost", G_STRUCT_OFFSET (PalierScenarioColumn, cost), row++);

  attach_row_title (self, _("Cost of sales"), row);
  for (guint i = 0; i < self->comparison->n_columns; i++)
    {
      g_autofree char *text = palier_format_percent (self->comparison->columns[i].cost_of_sales, 2);

      attach_figure (self, "cost-of-sales", i, row, text);
    }

  return row + 1;
}

static const PalierComponent *
find_component (const PalierProgram *program,
                const char          *id,
                guint               *out_index)
{
  for (guint i = 0; i < program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, i);

      if (g_strcmp0 (component->id, id) == 0)
        {
          if (out_index != NULL)
            *out_index = i;
          return component;
        }
    }

  return NULL;
}

/* One row per component id, in the order the scenarios' programs list
 * them; a scenario whose program lacks the component shows a dash. */
static int
attach_components (PalierScenarioCompare *self,
                   int                    row)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < self->comparison->n_columns; i++)
    {
      const PalierProgram *program = self->comparison->columns[i].result->program;

      for (guint c = 0; c < program->components->len; c++)
        {
          const PalierComponent *component = g_ptr_array_index (program->components, c);

          if (!g_ptr_array_find_with_equal_func (ids, component->id, g_str_equal, NULL))
            g_ptr_array_add (ids, component->id);
        }
    }

  if (ids->len == 0)
    return row;

  attach_heading (self, _("Payout per component"), row++);
  for (guint k = 0; k < ids->len; k++)
    {
      const char *id = g_ptr_array_index (ids, k);
      g_autofree char *key = g_strconcat ("component:", id, NULL);
      const PalierComponent *named = NULL;

      for (guint i = 0; i < self->comparison->n_columns; i++)
        {
          const PalierScenarioColumn *column = &self->comparison->columns[i];
          guint index;
          g_autofree char *text = NULL;

          if (find_component (column->result->program, id, &index) != NULL)
            {
              if (named == NULL)
                named = find_component (column->result->program, id, NULL);
              text = palier_format_money (column->result->component_totals[index],
                                          column_currency (column));
            }
          attach_figure (self, key, i, row, text);
        }

      attach_row_title (self, named != NULL && named->name != NULL ? named->name : id, row++);
    }

  return row;
}

/* Partners by the highest tier (or bonus level) they reached.  The rows
 * follow the scenario with the most tiers. */
static int
attach_tiers (PalierScenarioCompare *self,
              int                    row)
{
  const PalierScenarioColumn *widest = NULL;
  const PalierComponent *component;
  g_autofree char *heading = NULL;

  for (guint i = 0; i < self->comparison->n_columns; i++)
    {
      const PalierScenarioColumn *column = &self->comparison->columns[i];

      if (column->tier_counts != NULL &&
          (widest == NULL || column->tier_counts->len > widest->tier_counts->len))
        widest = column;
    }

  if (widest == NULL)
    return row;

  component = find_component (widest->result->program, widest->tier_component, NULL);
  /* Translators: heading of the rows that count partners per tier of a
   * component, "Partners per tier of Commission". */
  heading = g_strdup_printf (_("Partners per tier of %s"),
                             component != NULL && component->name != NULL ? component->name
                                                                          : widest->tier_component);
  attach_heading (self, heading, row++);

  for (guint t = 0; t < widest->tier_counts->len; t++)
    {
      g_autofree char *key = g_strdup_printf ("tier:%u", t);
      g_autofree char *title = NULL;

      if (t == 0)
        title = g_strdup (_("Below the first tier"));
      else if (component != NULL && component->kind == PALIER_COMPONENT_BONUS)
        /* Translators: a bonus level, counted from 1. */
        title = g_strdup_printf (_("Level %u"), t);
      else
        /* Translators: a commission tier, counted from 1. */
        title = g_strdup_printf (_("Tier %u"), t);
      attach_row_title (self, title, row);

      for (guint i = 0; i < self->comparison->n_columns; i++)
        {
          const PalierScenarioColumn *column = &self->comparison->columns[i];
          g_autofree char *text = NULL;

          if (column->tier_counts != NULL && t < column->tier_counts->len)
            text = palier_format_count (g_array_index (column->tier_counts, guint, t));
          attach_figure (self, key, i, row, text);
        }
      row++;
    }

  return row;
}

static void
attach_count_row (PalierScenarioCompare *self,
                  const char            *title,
                  const char            *key,
                  gsize                  offset,
                  int                    row)
{
  attach_row_title (self, title, row);
  for (guint i = 1; i < self->comparison->n_columns; i++)
    {
      guint count = G_STRUCT_MEMBER (guint, &self->comparison->columns[i], offset);
      g_autofree char *text = palier_format_count (count);

      attach_figure (self, key, i, row, text);
    }
}

/* Winners and losers of each scenario against the first, which has no
 * figures of its own here. */
static int
attach_changes (PalierScenarioCompare *self,
                int                    row)
{
  const PalierScenarioColumn *first = &self->comparison->columns[0];
  g_autofree char *heading = NULL;

  if (self->comparison->n_columns < 2)
    return row;

  /* Translators: heading of the rows that compare each scenario with
   * the first one, “Against “Baseline 2017””. */
  heading = g_strdup_printf (_("Against “%s”"), first->label);
  attach_heading (self, heading, row++);

  attach_row_title (self, _("Payout difference"), row);
  for (guint i = 1; i < self->comparison->n_columns; i++)
    {
      const PalierScenarioColumn *column = &self->comparison->columns[i];
      PalierDecimal difference = column->payout - first->payout;
      g_autofree char *money = palier_format_money (difference, column_currency (column));
      g_autofree char *text = NULL;

      /* Translators: a payout that grows, with its sign: "+$12.00". */
      text = difference > 0 ? g_strdup_printf (_("+%s"), money) : g_steal_pointer (&money);
      attach_figure (self, "difference", i, row, text);
    }
  row++;

  attach_count_row (self, _("Partners better off"), "gain",
                    G_STRUCT_OFFSET (PalierScenarioColumn, n_gain), row++);
  attach_count_row (self, _("Partners worse off"), "lose",
                    G_STRUCT_OFFSET (PalierScenarioColumn, n_lose), row++);
  attach_count_row (self, _("Partners unchanged"), "same",
                    G_STRUCT_OFFSET (PalierScenarioColumn, n_same), row++);

  return row;
}

static void
fill_grid (PalierScenarioCompare *self)
{
  int row = 1;

  clear_grid (self);

  for (guint i = 0; i < self->comparison->n_columns; i++)
    {
      GtkWidget *label = gtk_label_new (self->comparison->columns[i].label);

      /* Long names wrap over up to three lines before they are cut. */
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
      gtk_widget_set_tooltip_text (label, self->comparison->columns[i].label);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->figures_grid, label, (int) i + 1, 0, 1, 1);
    }

  row = attach_totals (self, row);
  row = attach_components (self, row);
  row = attach_tiers (self, row);
  attach_changes (self, row);
}

/* The charts */

static void
draw_cell (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  ChartCell *cell = user_data;
  PalierScenarioComparison *comparison = cell->self->comparison;
  PalierChartStyle style;

  if (comparison == NULL || comparison->n_columns == 0 || width <= 0 || height <= 0)
    return;

  palier_chart_view_init_style (GTK_WIDGET (area), &style);
  palier_scenario_chart_draw (cr, width, height, comparison, cell->chart, &style);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
append_chart (PalierScenarioCompare *self,
              GtkBox                *box,
              PalierScenarioChart    chart,
              const char            *accessible_label)
{
  GtkWidget *area = gtk_drawing_area_new ();
  ChartCell *cell = g_new0 (ChartCell, 1);

  cell->self = self;
  cell->chart = chart;

  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_vexpand (area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_cell, cell, g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), area, G_CONNECT_SWAPPED);
  gtk_box_append (box, area);
}

/* One chart per page, whatever the number of scenarios, so that every
 * scenario is read on the same y-scale. */
static void
fill_charts (PalierScenarioCompare *self)
{
  clear_box (self->periods_box);
  clear_box (self->distribution_box);
  clear_box (self->differences_box);

  append_chart (self, self->periods_box, PALIER_SCENARIO_CHART_PERIODS,
                _("Payouts per period of the compared scenarios"));
  append_chart (self, self->distribution_box, PALIER_SCENARIO_CHART_DISTRIBUTION,
                _("Distribution of partner costs of the compared scenarios"));

  if (self->comparison->n_columns > 1)
    {
      g_autofree char *differences = NULL;

      /* Translators: accessible name of a chart, "Cost differences per
       * partner against Baseline". */
      differences = g_strdup_printf (_("Cost differences per partner against %s"),
                                     self->comparison->columns[0].label);
      append_chart (self, self->differences_box, PALIER_SCENARIO_CHART_DIFFERENCES, differences);
    }

  gtk_stack_set_visible_child_name (self->differences_stack,
                                    self->comparison->n_columns > 1 ? "charts" : "single");
}

/* Public */

GtkWidget *
palier_scenario_compare_new (void)
{
  return g_object_new (PALIER_TYPE_SCENARIO_COMPARE, NULL);
}

void
palier_scenario_compare_set_comparison (PalierScenarioCompare    *self,
                                        PalierScenarioComparison *comparison)
{
  g_return_if_fail (PALIER_IS_SCENARIO_COMPARE (self));

  if (comparison != NULL)
    palier_scenario_comparison_ref (comparison);
  g_clear_pointer (&self->comparison, palier_scenario_comparison_unref);
  self->comparison = comparison;

  if (comparison == NULL || comparison->n_columns == 0)
    {
      clear_grid (self);
      clear_box (self->periods_box);
      clear_box (self->distribution_box);
      clear_box (self->differences_box);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  fill_grid (self);
  fill_charts (self);
  gtk_stack_set_visible_child_name (self->stack, "comparison");
}

PalierScenarioComparison *
palier_scenario_compare_get_comparison (PalierScenarioCompare *self)
{
  g_return_val_if_fail (PALIER_IS_SCENARIO_COMPARE (self), NULL);

  return self->comparison;
}

const char *
palier_scenario_compare_get_figure (PalierScenarioCompare *self,
                                    const char            *key,
                                    guint                  column)
{
  g_autofree char *id = NULL;
  GtkLabel *label;

  g_return_val_if_fail (PALIER_IS_SCENARIO_COMPARE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  id = figure_id (key, column);
  label = g_hash_table_lookup (self->figures, id);

  return label != NULL ? gtk_label_get_text (label) : NULL;
}

/* GObject */

static void
palier_scenario_compare_dispose (GObject *object)
{
  PalierScenarioCompare *self = PALIER_SCENARIO_COMPARE (object);

  g_hash_table_remove_all (self->figures);

  G_OBJECT_CLASS (palier_scenario_compare_parent_class)->dispose (object);
}

static void
palier_scenario_compare_finalize (GObject *object)
{
  PalierScenarioCompare *self = PALIER_SCENARIO_COMPARE (object);

  g_clear_pointer (&self->comparison, palier_scenario_comparison_unref);
  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (palier_scenario_compare_parent_class)->finalize (object);
}

static void
palier_scenario_compare_class_init (PalierScenarioCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_scenario_compare_dispose;
  object_class->finalize = palier_scenario_compare_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-scenario-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioCompare, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioCompare, periods_box);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioCompare, distribution_box);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioCompare, differences_stack);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioCompare, differences_box);
}

static void
palier_scenario_compare_init (PalierScenarioCompare *self)
{
  self->figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
