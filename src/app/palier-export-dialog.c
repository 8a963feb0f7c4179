/* palier-export-dialog.c: writes a program, a chart or results to a file
 *
 * The dialog lists only what exists: the program selected in the
 * Designer as XML and its payout curves, the last simulation's charts
 * and table, the comparison's chart.  Charts go through
 * palier_chart_export(), the same drawing as on screen, at the size the
 * user picks.  The file is chosen with GtkFileChooserNative and written
 * in a worker thread from copies, so the window can go on changing its
 * program meanwhile.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-export-dialog.h"

typedef struct {
  const char *label;                    /* N_() */
  double      width;
  double      height;
} SizePreset;

/* Sizes in the surface's units: pixels for PNG, points for SVG and PDF.
 * A4 is 297 × 210 mm and US Letter 11 × 8.5 in, at 72 points per inch,
 * rounded to whole points. */
static const SizePreset size_presets[] = {
  { N_("Wide (1600 × 1000)"), 1600, 1000 },
  { N_("Medium (1200 × 750)"), 1200, 750 },
  { N_("Small (800 × 500)"), 800, 500 },
  { N_("A4 Landscape (842 × 595)"), 842, 595 },
  { N_("US Letter Landscape (792 × 612)"), 792, 612 },
};

/* Index of the "Custom" entry of the size row, after the presets. */
#define CUSTOM_SIZE G_N_ELEMENTS (size_presets)

static const struct {
  PalierImageFormat  format;
  const char        *extension;
} image_formats[] = {
  { PALIER_IMAGE_PNG, ".png" },
  { PALIER_IMAGE_SVG, ".svg" },
  { PALIER_IMAGE_PDF, ".pdf" },
};

struct _PalierExportDialog
{
  AdwWindow parent_instance;

  PalierProgram *program;
  PalierResult *result;
  PalierComparison *comparison;
  GArray *items;                        /* PalierExportItem, as item_row lists them */
  gboolean setting_size;
  GCancellable *cancellable;

  /* template */
  GtkStack *stack;
  AdwComboRow *item_row;
  AdwComboRow *component_row;
  AdwPreferencesGroup *image_group;
  AdwComboRow *format_row;
  AdwComboRow *size_row;
  GtkSpinButton *width_spin;
  GtkSpinButton *height_spin;
  GtkSwitch *dark_switch;
  GtkSpinner *spinner;
  GtkLabel *writing_label;
};

G_DEFINE_FINAL_TYPE (PalierExportDialog, palier_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PalierExportItem
selected_item (PalierExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->item_row);

  g_assert (selected < self->items->len);
  return g_array_index (self->items, PalierExportItem, selected);
}

static gboolean
item_is_chart (PalierExportItem item)
{
  return item != PALIER_EXPORT_PROGRAM && item != PALIER_EXPORT_RESULTS;
}

static const char *
item_extension (PalierExportDialog *self,
                PalierExportItem    item)
{
  if (item == PALIER_EXPORT_PROGRAM)
    return ".xml";
  if (item == PALIER_EXPORT_RESULTS)
    return ".csv";

  return image_formats[adw_combo_row_get_selected (self->format_row)].extension;
}

static const PalierComponent *
selected_component (PalierExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->component_row);

  if (self->program == NULL || selected >= self->program->components->len)
    return NULL;

  return g_ptr_array_index (self->program->components, selected);
}

/* Names the file after the program: "superstore-2017-periods.png". */
char *
palier_export_dialog_dup_file_name (PalierExportDialog *self)
{
  const PalierComponent *component;
  PalierExportItem item;
  const char *extension;

  g_return_val_if_fail (PALIER_IS_EXPORT_DIALOG (self), NULL);

  item = selected_item (self);
  extension = item_extension (self, item);

  switch (item)
    {
    case PALIER_EXPORT_PROGRAM:
      return g_strconcat (self->program->id, extension, NULL);

    case PALIER_EXPORT_PAYOUT_CURVE:
      component = selected_component (self);
      return g_strconcat (self->program->id, "-", component != NULL ? component->id : "",
                          "-curve", extension, NULL);

    case PALIER_EXPORT_PERIODS:
      return g_strconcat (self->result->program->id, "-periods", extension, NULL);

    case PALIER_EXPORT_DISTRIBUTION:
      return g_strconcat (self->result->program->id, "-distribution", extension, NULL);

    case PALIER_EXPORT_DIFFERENCES:
      return g_strconcat (self->comparison->proposal->program->id, "-vs-",
                          self->comparison->baseline->program->id, extension, NULL);

    case PALIER_EXPORT_RESULTS:
      return g_strconcat (self->result->program->id, "-results", extension, NULL);

    default:
      g_assert_not_reached ();
    }
}

/* Showing the settings that apply */

static void
update_rows (PalierExportDialog *self)
{
  PalierExportItem item = selected_item (self);

  gtk_widget_set_visible (GTK_WIDGET (self->component_row), item == PALIER_EXPORT_PAYOUT_CURVE);
  gtk_widget_set_visible (GTK_WIDGET (self->image_group), item_is_chart (item));
}

static void
size_preset_changed_cb (PalierExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->size_row);

  if (self->setting_size || selected >= CUSTOM_SIZE)
    return;

  self->setting_size = TRUE;
  gtk_spin_button_set_value (self->width_spin, size_presets[selected].width);
  gtk_spin_button_set_value (self->height_spin, size_presets[selected].height);
  self->setting_size = FALSE;
}

/* Selects the preset that matches the typed size, or "Custom". */
static void
size_changed_cb (PalierExportDialog *self)
{
  double width = gtk_spin_button_get_value (self->width_spin);
  double height = gtk_spin_button_get_value (self->height_spin);
  guint preset = CUSTOM_SIZE;

  if (self->setting_size)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    if (size_presets[i].width == width && size_presets[i].height == height)
      preset = i;

  self->setting_size = TRUE;
  adw_combo_row_set_selected (self->size_row, preset);
  self->setting_size = FALSE;
}

/* Writing */

typedef struct {
  PalierExportItem   item;
  char              *path;
  PalierImageFormat  format;
  double             width;
  double             height;
  gboolean           dark;
  PalierProgram     *program;
  char              *component_id;
  PalierResult      *result;
  PalierComparison  *comparison;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_pointer (&job->program, palier_program_unref);
  g_free (job->component_id);
  g_clear_pointer (&job->result, palier_result_unref);
  g_clear_pointer (&job->comparison, palier_comparison_unref);
  g_free (job);
}

static void
draw_job (cairo_t  *cr,
          double    width,
          double    height,
          gpointer  user_data)
{
  ExportJob *job = user_data;
  PalierChartStyle style = { .dark = job->dark };
  PalierCurveSpec spec = { 0 };

  switch (job->item)
    {
    case PALIER_EXPORT_PAYOUT_CURVE:
      spec.program = job->program;
      spec.component = palier_program_find_component (job->program, job->component_id);
      spec.quota = job->program->has_quota ? job->program->quota : 0;
      palier_chart_draw_payout_curve (cr, width, height, &spec, &style);
      break;

    case PALIER_EXPORT_PERIODS:
      palier_chart_draw_periods (cr, width, height, job->result, &style);
      break;

    case PALIER_EXPORT_DISTRIBUTION:
      palier_chart_draw_distribution (cr, width, height, job->result, &style);
      break;

    case PALIER_EXPORT_DIFFERENCES:
      palier_chart_draw_differences (cr, width, height, job->comparison, &style);
      break;

    case PALIER_EXPORT_PROGRAM:
    case PALIER_EXPORT_RESULTS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_results (const PalierResult  *result,
               const char          *path,
               GError             **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  palier_result_write (result, PALIER_OUTPUT_CSV, text);

  return g_file_set_contents_full (path, text->str, text->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING,
                                   0644, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  switch (job->item)
    {
    case PALIER_EXPORT_PROGRAM:
      ok = palier_program_write_file (job->program, job->path, &error);
      break;

    case PALIER_EXPORT_RESULTS:
      ok = write_results (job->result, job->path, &error);
      break;

    default:
      ok = palier_chart_export (job->path, job->format, job->width, job->height,
                                draw_job, job, &error);
      break;
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_export_error (PalierExportDialog *self,
                   const char         *path,
                   const GError       *error)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Cannot Export “%s”"), basename);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PalierExportDialog) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_clear_object (&self->cancellable);
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "settings");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", TRUE);
      show_export_error (self, job->path, error);
      return;
    }

  g_clear_object (&self->cancellable);
  g_signal_emit (self, signals[EXPORTED], 0, job->path);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The path with the extension of the selected format, appended when the
 * name does not end with it in any case. */
static char *
path_with_extension (PalierExportDialog *self,
                     const char         *path)
{
  const char *extension = item_extension (self, selected_item (self));
  g_autofree char *lower = g_utf8_strdown (path, -1);

  if (g_str_has_suffix (lower, extension))
    return g_strdup (path);

  return g_strconcat (path, extension, NULL);
}

static ExportJob *
export_job_new (PalierExportDialog *self,
                const char         *path)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  const PalierComponent *component = selected_component (self);

  job->item = selected_item (self);
  job->path = g_strdup (path);
  job->format = image_formats[adw_combo_row_get_selected (self->format_row)].format;
  job->width = gtk_spin_button_get_value (self->width_spin);
  job->height = gtk_spin_button_get_value (self->height_spin);
  job->dark = gtk_switch_get_active (self->dark_switch);

  /* Programs may be edited on the main thread meanwhile; results and
   * comparisons never change once made. */
  if (self->program != NULL)
    job->program = palier_program_copy (self->program);
  if (component != NULL)
    job->component_id = g_strdup (component->id);
  if (self->result != NULL)
    job->result = palier_result_ref (self->result);
  if (self->comparison != NULL)
    job->comparison = palier_comparison_ref (self->comparison);

  return job;
}

void
palier_export_dialog_export_to_file (PalierExportDialog *self,
                                     GFile              *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *chosen = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (PALIER_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  chosen = g_file_get_path (file);
  if (chosen == NULL || self->cancellable != NULL)
    return;

  path = path_with_extension (self, chosen);
  basename = g_filename_display_basename (path);
  /* Translators: shown while a file is written: "Writing “plan.xml”…". */
  message = g_strdup_printf (_("Writing “%s”…"), basename);
  gtk_label_set_text (self->writing_label, message);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "writing");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", FALSE);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, exported_cb, g_object_ref (self));
  g_task_set_source_tag (task, palier_export_dialog_export_to_file);
  g_task_set_task_data (task, export_job_new (self, path), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* Actions */

static void
file_chosen_cb (GtkNativeDialog    *native,
                int                 response,
                PalierExportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (native);
  g_object_unref (native);

  if (file != NULL)
    palier_export_dialog_export_to_file (self, file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PalierExportDialog *self = PALIER_EXPORT_DIALOG (widget);
  g_autofree char *name = palier_export_dialog_dup_file_name (self);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect (native, "response", G_CALLBACK (file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* GObject */

static void
palier_export_dialog_dispose (GObject *object)
{
  PalierExportDialog *self = PALIER_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (palier_export_dialog_parent_class)->dispose (object);
}

static void
palier_export_dialog_finalize (GObject *object)
{
  PalierExportDialog *self = PALIER_EXPORT_DIALOG (object);

  g_clear_pointer (&self->program, palier_program_unref);
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_pointer (&self->comparison, palier_comparison_unref);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (palier_export_dialog_parent_class)->finalize (object);
}

static void
palier_export_dialog_class_init (PalierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_export_dialog_dispose;
  object_class->finalize = palier_export_dialog_finalize;

  /**
   * PalierExportDialog::exported:
   * @path: the file written
   *
   * Emitted once the file is written, just before the dialog closes.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, item_row);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, component_row);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, dark_switch);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierExportDialog, writing_label);
}

static void
fill_size_row (PalierExportDialog *self)
{
  g_autoptr(GtkStringList) sizes = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (size_presets); i++)
    gtk_string_list_append (sizes, _(size_presets[i].label));
  gtk_string_list_append (sizes, _("Custom"));

  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (sizes));
  adw_combo_row_set_selected (self->size_row, 0);
}

static void
palier_export_dialog_init (PalierExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_array_new (FALSE, FALSE, sizeof (PalierExportItem));
  fill_size_row (self);

  g_signal_connect_object (self->item_row, "notify::selected",
                           G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_row, "notify::selected",
                           G_CALLBACK (size_preset_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_spin, "value-changed",
                           G_CALLBACK (size_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_spin, "value-changed",
                           G_CALLBACK (size_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
add_item (PalierExportDialog *self,
          GtkStringList      *labels,
          PalierExportItem    item,
          const char         *label)
{
  g_array_append_val (self->items, item);
  gtk_string_list_append (labels, label);
}

static void
fill_item_row (PalierExportDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  if (self->program != NULL)
    add_item (self, labels, PALIER_EXPORT_PROGRAM, _("Program (XML)"));
  if (self->program != NULL && self->program->components->len > 0)
    add_item (self, labels, PALIER_EXPORT_PAYOUT_CURVE, _("Payout curve chart"));
  if (self->result != NULL)
    {
      add_item (self, labels, PALIER_EXPORT_PERIODS, _("Payouts per period chart"));
      add_item (self, labels, PALIER_EXPORT_DISTRIBUTION, _("Distribution of payouts chart"));
    }
  if (self->comparison != NULL)
    add_item (self, labels, PALIER_EXPORT_DIFFERENCES, _("Comparison chart"));
  if (self->result != NULL)
    add_item (self, labels, PALIER_EXPORT_RESULTS, _("Results (CSV)"));

  adw_combo_row_set_model (self->item_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->item_row, 0);
}

static void
fill_component_row (PalierExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; self->program != NULL && i < self->program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (self->program->components, i);

      gtk_string_list_append (names, component->name != NULL ? component->name : component->id);
    }

  adw_combo_row_set_model (self->component_row, G_LIST_MODEL (names));
}

PalierExportDialog *
palier_export_dialog_new (GtkWindow        *parent,
                          PalierProgram    *program,
                          PalierResult     *result,
                          PalierComparison *comparison)
{
  PalierExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (program != NULL || result != NULL || comparison != NULL, NULL);

  self = g_object_new (PALIER_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  if (program != NULL)
    self->program = palier_program_ref (program);
  if (result != NULL)
    self->result = palier_result_ref (result);
  if (comparison != NULL)
    self->comparison = palier_comparison_ref (comparison);

  fill_component_row (self);
  fill_item_row (self);
  update_rows (self);

  return self;
}

gboolean
palier_export_dialog_select_item (PalierExportDialog *self,
                                  PalierExportItem    item)
{
  g_return_val_if_fail (PALIER_IS_EXPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, PalierExportItem, i) == item)
      {
        adw_combo_row_set_selected (self->item_row, i);
        return TRUE;
      }

  return FALSE;
}
