/* palier-health-panel.c: how a scenario's program spreads its cost
 *
 * Every figure is the core's palier_health_compute() on the scenario's
 * bases and history.  The panel runs it off the main thread and formats
 * its numbers in the locale.  The CSV export writes them exactly,
 * without the locale.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-format.h"
#include "palier-health-panel.h"
#include "palier-health-row.h"

/* Pause after the last change of the distance before the panel computes
 * again, in milliseconds. */
#define RECOMPUTE_DELAY_MS 300

struct _PalierHealthPanel
{
  AdwBin parent_instance;

  PalierScenarioData *data;
  PalierHealth *health;
  GCancellable *cancellable;            /* of the computation going, or NULL */
  GCancellable *load_cancellable;       /* of the scenario being read, or NULL */
  guint recompute_source;

  /* template */
  GtkLabel *heading_label;
  GtkSpinButton *near_spin;
  GtkSpinner *spinner;
  GtkButton *export_button;
  GtkStack *stack;
  AdwStatusPage *error_page;
  GtkLabel *paid_label;
  GtkLabel *top_share_label;
  GtkLabel *gini_label;
  GtkLabel *near_label;
  GtkDrawingArea *chart;
  GtkColumnView *cliff_table;
  GtkColumnView *rate_table;
};

G_DEFINE_FINAL_TYPE (PalierHealthPanel, palier_health_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Table cells */

typedef enum {
  FIELD_PARTNER,
  FIELD_SEGMENT,
  FIELD_COMPONENT,
  FIELD_PERIOD,
  FIELD_TIER,
  FIELD_BASE,
  FIELD_BOUNDARY,
  FIELD_GAP,
  FIELD_STEP,
  FIELD_SALES,
  FIELD_COST,
  FIELD_RATE,
} Field;

static gboolean
field_is_numeric (Field field)
{
  return field >= FIELD_TIER;
}

/* Width of a column in average characters: enough for "2017-Q3", a
 * partner code such as "AB-12345" and "$12,345.67". */
static int
field_min_chars (Field field)
{
  switch (field)
    {
    case FIELD_TIER:
      return 4;
    case FIELD_PARTNER:
    case FIELD_PERIOD:
    case FIELD_SEGMENT:
      return 9;
    case FIELD_COMPONENT:
      return 12;
    default:
      return 11;
    }
}

/* A base, boundary or gap: a number of units for a component that
 * counts units, else money.  The health states boundaries on an
 * attainment basis in money too, as quota times attainment. */
static char *
format_basis_value (const PalierHealth *health,
                    const char         *component_id,
                    PalierDecimal       value)
{
  const PalierComponent *component = palier_program_find_component (health->program, component_id);

  if (component != NULL && component->measure == PALIER_MEASURE_UNITS)
    return palier_format_quantity (value);

  return palier_format_money (value, health->program->currency);
}

static char *
format_cliff_field (const PalierHealth *health,
                    const PalierCliff  *cliff,
                    Field               field)
{
  const PalierComponent *component;

  switch (field)
    {
    case FIELD_PARTNER:
      return g_strdup (cliff->partner);

    case FIELD_COMPONENT:
      component = palier_program_find_component (health->program, cliff->component);
      return g_strdup (component != NULL ? component->name : cliff->component);

    case FIELD_PERIOD:
      return g_strdup (cliff->period);

    case FIELD_TIER:
      if (cliff->gate)
        /* Translators: in the Tier column, for a boundary that is the
         * component's gate rather than a tier or bonus level. */
        return g_strdup (C_("health cliff", "Gate"));
      return palier_format_count (cliff->index + 1);

    case FIELD_BASE:
      return format_basis_value (health, cliff->component, cliff->base);

    case FIELD_BOUNDARY:
      return format_basis_value (health, cliff->component, cliff->boundary);

    case FIELD_GAP:
      return format_basis_value (health, cliff->component, cliff->gap);

    case FIELD_STEP:
      return palier_format_money (cliff->step, health->program->currency);

    default:
      return g_strdup ("");
    }
}

static char *
format_rate_field (const PalierHealth        *health,
                   const PalierEffectiveRate *rate,
                   Field                      field)
{
  switch (field)
    {
    case FIELD_PARTNER:
      return g_strdup (rate->partner);

    case FIELD_SEGMENT:
      return g_strdup (rate->segment != NULL ? rate->segment : "");

    case FIELD_SALES:
      return palier_format_money (rate->sales, health->program->currency);

    case FIELD_COST:
      return palier_format_money (rate->cost, health->program->currency);

    case FIELD_RATE:
      return palier_format_percent (rate->rate, 2);

    default:
      return g_strdup ("");
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Field field = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), field_min_chars (field));
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), field_min_chars (field) + 2);
  if (field_is_numeric (field))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }

  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Field field = GPOINTER_TO_INT (user_data);
  PalierHealthRow *row = gtk_list_item_get_item (list_item);
  PalierHealth *health = palier_health_row_get_health (row);
  g_autofree char *text = NULL;

  if (palier_health_row_get_cliff (row) != NULL)
    text = format_cliff_field (health, palier_health_row_get_cliff (row), field);
  else
    text = format_rate_field (health, palier_health_row_get_rate (row), field);

  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (list_item)), text);
}

static void
append_column (GtkColumnView *table,
               const char    *title,
               Field          field)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (field));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (field));

  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (table, column);
}

static void
add_columns (PalierHealthPanel *self)
{
  append_column (self->cliff_table, _("Partner"), FIELD_PARTNER);
  append_column (self->cliff_table, _("Component"), FIELD_COMPONENT);
  append_column (self->cliff_table, _("Period"), FIELD_PERIOD);
  /* Translators: the tier or bonus level that the boundary starts. */
  append_column (self->cliff_table, _("Tier"), FIELD_TIER);
  append_column (self->cliff_table, _("Base"), FIELD_BASE);
  append_column (self->cliff_table, _("Boundary"), FIELD_BOUNDARY);
  append_column (self->cliff_table, _("Gap"), FIELD_GAP);
  append_column (self->cliff_table, _("Step"), FIELD_STEP);

  append_column (self->rate_table, _("Partner"), FIELD_PARTNER);
  append_column (self->rate_table, _("Segment"), FIELD_SEGMENT);
  append_column (self->rate_table, _("Sales"), FIELD_SALES);
  append_column (self->rate_table, _("Cost"), FIELD_COST);
  append_column (self->rate_table, _("Effective Rate"), FIELD_RATE);
}

static void
set_table_model (GtkColumnView *table,
                 GListModel    *rows)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (rows);

  gtk_column_view_set_model (table, GTK_SELECTION_MODEL (selection));
}

/* Showing the health */

static void
set_label_take (GtkLabel *label,
                char     *text)
{
  gtk_label_set_text (label, text);
  g_free (text);
}

static void
show_health (PalierHealthPanel *self)
{
  const PalierHealth *health = self->health;
  g_autofree char *paid = palier_format_count (health->n_paid);
  g_autofree char *partners = palier_format_count (health->n_partners);

  /* Translators: "741 of 793": partners paid of all partners. */
  set_label_take (self->paid_label, g_strdup_printf (_("%s of %s"), paid, partners));
  set_label_take (self->top_share_label, palier_format_percent (health->top_decile_share, 1));
  set_label_take (self->gini_label, palier_format_number (health->gini, 3));
  set_label_take (self->near_label, palier_format_count (health->n_near_partners));

  set_table_model (self->cliff_table, palier_health_row_list_cliffs (self->health));
  set_table_model (self->rate_table, palier_health_row_list_rates (self->health));

  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
show_error (PalierHealthPanel *self,
            const GError      *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  PalierHealthPanel *self = user_data;
  PalierChartStyle style;

  if (self->health == NULL)
    return;

  palier_chart_view_init_style (GTK_WIDGET (area), &style);
  palier_chart_draw_health (cr, width, height, self->health, &style);
}

/* Computing */

static void
set_running (PalierHealthPanel *self,
             gboolean           running)
{
  gtk_spinner_set_spinning (self->spinner, running);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), running);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

typedef struct {
  PalierScenarioData *data;
  PalierDecimal near;
} ComputeData;

static void
compute_data_free (ComputeData *compute)
{
  palier_scenario_data_unref (compute->data);
  g_free (compute);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeData *compute = task_data;
  GError *error = NULL;
  PalierHealth *health;

  health = palier_health_compute (palier_scenario_data_get_bases (compute->data),
                                  palier_scenario_data_get_program (compute->data),
                                  palier_scenario_data_get_result (compute->data),
                                  compute->near, cancellable, &error);
  if (health == NULL && error == NULL)
    g_set_error (&error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_INVALID,
                 _("The program health returned no result"));

  if (health == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, health, (GDestroyNotify) palier_health_unref);
}

static void
compute_ready_cb (GObject      *source,
                  GAsyncResult *async_result,
                  gpointer      user_data)
{
  g_autoptr(PalierHealthPanel) self = user_data;
  g_autoptr(GError) error = NULL;
  PalierHealth *health;

  health = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    {
      g_clear_pointer (&health, palier_health_unref);
      return;
    }

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->health, palier_health_unref);
  self->health = health;

  if (health == NULL)
    show_error (self, error);
  else
    show_health (self);

  set_running (self, FALSE);
  g_signal_emit (self, signals[UPDATED], 0);
}

PalierDecimal
palier_health_panel_get_near (PalierHealthPanel *self)
{
  double percent;

  g_return_val_if_fail (PALIER_IS_HEALTH_PANEL (self), 0);

  /* The spin shows tenths of a percent, and a tenth of a percent is
   * 1000 millionths. */
  percent = gtk_spin_button_get_value (self->near_spin);
  return (PalierDecimal) (percent * 10.0 + 0.5) * 1000;
}

void
palier_health_panel_set_near (PalierHealthPanel *self,
                              PalierDecimal      near)
{
  g_return_if_fail (PALIER_IS_HEALTH_PANEL (self));

  gtk_spin_button_set_value (self->near_spin, palier_decimal_to_double (near) * 100.0);
}

void
palier_health_panel_compute (PalierHealthPanel *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_running;
  ComputeData *compute;

  g_return_if_fail (PALIER_IS_HEALTH_PANEL (self));

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  if (self->data == NULL)
    return;

  was_running = self->cancellable != NULL;
  if (was_running)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  compute = g_new0 (ComputeData, 1);
  compute->data = palier_scenario_data_ref (self->data);
  compute->near = palier_health_panel_get_near (self);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, compute_ready_cb, g_object_ref (self));
  g_task_set_source_tag (task, palier_health_panel_compute);
  g_task_set_task_data (task, compute, (GDestroyNotify) compute_data_free);
  g_task_run_in_thread (task, compute_thread);

  if (!was_running)
    set_running (self, TRUE);
}

gboolean
palier_health_panel_is_running (PalierHealthPanel *self)
{
  g_return_val_if_fail (PALIER_IS_HEALTH_PANEL (self), FALSE);

  return self->cancellable != NULL;
}

static gboolean
recompute_cb (gpointer user_data)
{
  PalierHealthPanel *self = user_data;

  self->recompute_source = 0;
  palier_health_panel_compute (self);

  return G_SOURCE_REMOVE;
}

static void
near_changed_cb (PalierHealthPanel *self)
{
  g_clear_handle_id (&self->recompute_source, g_source_remove);
  if (self->data != NULL)
    self->recompute_source = g_timeout_add (RECOMPUTE_DELAY_MS, recompute_cb, self);
}

/* The scenario */

void
palier_health_panel_set_data (PalierHealthPanel  *self,
                              PalierScenarioData *data)
{
  g_return_if_fail (PALIER_IS_HEALTH_PANEL (self));

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  if (data != NULL)
    palier_scenario_data_ref (data);
  g_clear_pointer (&self->data, palier_scenario_data_unref);
  self->data = data;
  g_clear_pointer (&self->health, palier_health_unref);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);

  if (data == NULL)
    {
      gtk_label_set_text (self->heading_label, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      set_running (self, FALSE);
      return;
    }

  gtk_label_set_text (self->heading_label, palier_scenario_data_get_label (data));
  palier_health_panel_compute (self);
}

PalierScenarioData *
palier_health_panel_get_data (PalierHealthPanel *self)
{
  g_return_val_if_fail (PALIER_IS_HEALTH_PANEL (self), NULL);

  return self->data;
}

static void
load_ready_cb (GObject      *source,
               GAsyncResult *async_result,
               gpointer      user_data)
{
  g_autoptr(PalierHealthPanel) self = user_data;
  g_autoptr(PalierScenarioData) data = NULL;
  g_autoptr(GError) error = NULL;

  data = palier_scenario_data_load_finish (async_result, &error);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (async_result))))
    return;

  g_clear_object (&self->load_cancellable);
  if (data == NULL)
    {
      set_running (self, FALSE);
      show_error (self, error);
      g_signal_emit (self, signals[UPDATED], 0);
      return;
    }

  palier_health_panel_set_data (self, data);
}

void
palier_health_panel_set_scenario (PalierHealthPanel    *self,
                                  PalierWorkspace      *workspace,
                                  const PalierScenario *scenario)
{
  g_return_if_fail (PALIER_IS_HEALTH_PANEL (self));
  g_return_if_fail (PALIER_IS_WORKSPACE (workspace));
  g_return_if_fail (scenario != NULL);

  palier_health_panel_set_data (self, NULL);
  gtk_label_set_text (self->heading_label, scenario->name);

  self->load_cancellable = g_cancellable_new ();
  palier_scenario_data_load_async (palier_workspace_get_path (workspace), scenario,
                                   self->load_cancellable, load_ready_cb, g_object_ref (self));
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
}

PalierHealth *
palier_health_panel_get_health (PalierHealthPanel *self)
{
  g_return_val_if_fail (PALIER_IS_HEALTH_PANEL (self), NULL);

  return self->health;
}

/* CSV export */

/* Appends @field, quoted as RFC 4180 quotes it when it contains a
 * comma, a quote or a line break. */
static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (field == NULL)
    return;

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_csv_row (GString       *out,
                const char    *section,
                const char    *partner,
                const char    *segment,
                const char    *component,
                const char    *period,
                const char    *figure,
                PalierDecimal  value)
{
  const char *fields[] = { section, partner, segment, component, period, figure };
  char buf[PALIER_DECIMAL_BUFSIZE];

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      append_csv_field (out, fields[i]);
      g_string_append_c (out, ',');
    }
  g_string_append (out, palier_decimal_format_exact (value, buf));
  g_string_append (out, "\r\n");
}

static void
append_summary (GString       *out,
                const char    *figure,
                PalierDecimal  value)
{
  append_csv_row (out, "summary", NULL, NULL, NULL, NULL, figure, value);
}

char *
palier_health_panel_to_csv (PalierHealthPanel *self)
{
  const PalierHealth *health;
  GString *out;

  g_return_val_if_fail (PALIER_IS_HEALTH_PANEL (self), NULL);
  g_return_val_if_fail (self->health != NULL, NULL);

  health = self->health;
  out = g_string_new ("section,partner,segment,component,period,figure,value\r\n");

  append_summary (out, "partners", palier_decimal_from_int (health->n_partners));
  append_summary (out, "paid_partners", palier_decimal_from_int (health->n_paid));
  append_summary (out, "top_decile_share", health->top_decile_share);
  append_summary (out, "gini", health->gini);
  append_summary (out, "near", health->near);
  append_summary (out, "near_partners", palier_decimal_from_int (health->n_near_partners));

  for (guint i = 0; i < health->cliffs->len; i++)
    {
      const PalierCliff *cliff = &g_array_index (health->cliffs, PalierCliff, i);
      /* A gate has no tier number of its own, so its row is "gate,1". */
      const char *level_figure = cliff->gate ? "gate" : "tier";
      PalierDecimal level = cliff->gate ? PALIER_DECIMAL_ONE : palier_decimal_from_int (cliff->index + 1);
      const struct { const char *figure; PalierDecimal value; } figures[] = {
        { level_figure, level },
        { "base", cliff->base },
        { "boundary", cliff->boundary },
        { "gap", cliff->gap },
        { "step", cliff->step },
      };

      for (guint j = 0; j < G_N_ELEMENTS (figures); j++)
        append_csv_row (out, "cliff", cliff->partner, NULL, cliff->component, cliff->period,
                        figures[j].figure, figures[j].value);
    }

  for (guint i = 0; i < health->rates->len; i++)
    {
      const PalierEffectiveRate *rate = &g_array_index (health->rates, PalierEffectiveRate, i);

      append_csv_row (out, "partner", rate->partner, rate->segment, NULL, NULL, "sales", rate->sales);
      append_csv_row (out, "partner", rate->partner, rate->segment, NULL, NULL, "cost", rate->cost);
      append_csv_row (out, "partner", rate->partner, rate->segment, NULL, NULL, "rate", rate->rate);
    }

  return g_string_free (out, FALSE);
}

gboolean
palier_health_panel_export (PalierHealthPanel  *self,
                            const char         *path,
                            GError            **error)
{
  g_autofree char *csv = NULL;
  g_autoptr(GError) write_error = NULL;

  g_return_val_if_fail (PALIER_IS_HEALTH_PANEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->health == NULL)
    {
      g_set_error (error, PALIER_HEALTH_ERROR, PALIER_HEALTH_ERROR_INVALID,
                   _("There is no program health to export yet; select a scenario first"));
      return FALSE;
    }

  /* g_file_set_contents() writes a temporary file and renames it into
   * place, so a failed export leaves no half-written file. */
  csv = palier_health_panel_to_csv (self);
  if (!g_file_set_contents (path, csv, -1, &write_error))
    {
      g_set_error (error, G_FILE_ERROR, write_error->code,
                   _("Could not write “%s”: %s; choose another folder"),
                   path, write_error->message);
      return FALSE;
    }

  return TRUE;
}

static void
export_response_cb (GtkNativeDialog   *native,
                    int                response,
                    PalierHealthPanel *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = g_file_get_path (file);
    }
  g_object_unref (native);

  if (path == NULL)
    return;

  if (!palier_health_panel_export (self, path, &error))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                  _("Export Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
export_clicked_cb (PalierHealthPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Export Program Health"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  /* Translators: the default file name of the exported health. */
  name = g_strdup_printf ("%s-%s.csv", palier_scenario_data_get_label (self->data), _("health"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* GObject */

static void
palier_health_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PalierHealthPanel *self = PALIER_HEALTH_PANEL (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, palier_health_panel_is_running (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
palier_health_panel_dispose (GObject *object)
{
  PalierHealthPanel *self = PALIER_HEALTH_PANEL (object);

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), PALIER_TYPE_HEALTH_PANEL);

  G_OBJECT_CLASS (palier_health_panel_parent_class)->dispose (object);
}

static void
palier_health_panel_finalize (GObject *object)
{
  PalierHealthPanel *self = PALIER_HEALTH_PANEL (object);

  g_clear_pointer (&self->data, palier_scenario_data_unref);
  g_clear_pointer (&self->health, palier_health_unref);

  G_OBJECT_CLASS (palier_health_panel_parent_class)->finalize (object);
}

static void
palier_health_panel_class_init (PalierHealthPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = palier_health_panel_get_property;
  object_class->dispose = palier_health_panel_dispose;
  object_class->finalize = palier_health_panel_finalize;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a computation or the reading of a scenario ends with a
   * result or an error; a cancelled one emits nothing. */
  signals[UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/palier/Palier/palier-health-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, near_spin);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, export_button);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, paid_label);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, top_share_label);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, gini_label);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, near_label);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, cliff_table);
  gtk_widget_class_bind_template_child (widget_class, PalierHealthPanel, rate_table);
  gtk_widget_class_bind_template_callback (widget_class, near_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "palier-health-panel");
}

static void
palier_health_panel_init (PalierHealthPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->chart,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

GtkWidget *
palier_health_panel_new (void)
{
  return g_object_new (PALIER_TYPE_HEALTH_PANEL, NULL);
}
