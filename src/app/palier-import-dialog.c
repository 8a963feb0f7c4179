/* palier-import-dialog.c: maps a CSV file's columns, then imports it
 *
 * This file has the steps of a sales file and what every kind shares;
 * palier-import-dialog-records.c has those of partners and quotas files.
 *
 * The dialog keeps one PalierImportPlan, built in a worker thread from
 * the file and the settings the user forced.  Changing a column, the date
 * order or the decimal mark changes the plan in place; changing the
 * delimiter or the encoding builds it again, keeping the mapped columns
 * by name.  After every change a dry run reads the whole file in a worker
 * thread with a copy of the plan, so the rows that would fail are listed
 * before anything is written.  The import itself runs in the workspace's
 * worker thread and writes in one transaction, so cancelling it leaves
 * the workspace as it was.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-import-dialog-private.h"

/* Milliseconds between two updates of the progress bar. */
#define PROGRESS_INTERVAL_MS 100


G_DEFINE_FINAL_TYPE (PalierImportDialog, palier_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  IMPORT_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Choices of the format rows, in the order of their models. */
static const char delimiters[] = { ',', ';', '\t' };
static const PalierDecimalMark decimal_marks[] = {
  PALIER_DECIMAL_MARK_POINT, PALIER_DECIMAL_MARK_COMMA,
};
static const PalierDateOrder date_orders[] = {
  PALIER_DATE_ORDER_YMD, PALIER_DATE_ORDER_MDY, PALIER_DATE_ORDER_DMY,
};
static const PalierEncoding encodings[] = {
  PALIER_ENCODING_UTF8, PALIER_ENCODING_WINDOWS_1252,
  PALIER_ENCODING_UTF16LE, PALIER_ENCODING_UTF16BE,
};

static guint
index_of_delimiter (char delimiter)
{
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      return i;
  return 0;
}

static guint
index_of_decimal_mark (PalierDecimalMark mark)
{
  return mark == PALIER_DECIMAL_MARK_COMMA ? 1 : 0;
}

static guint
index_of_date_order (PalierDateOrder order)
{
  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    if (date_orders[i] == order)
      return i;
  return 1;
}

static guint
index_of_encoding (PalierEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == encoding)
      return i;
  return 0;
}

/* Drops the command-line advice ("; use --date-format to force the
 * order") that the core's messages end with: here the Format settings do
 * that.  Translated messages that word it differently keep it. */
char *
_palier_import_dialog_strip_advice (const char *message)
{
  const char *advice = strstr (message, "; use --");

  if (advice == NULL)
    return g_strdup (message);

  return g_strdup_printf ("%.*s.", (int) (advice - message), message);
}

char *
palier_import_dialog_format_result (guint64 rows,
                                    guint64 skipped)
{
  g_autofree char *rows_text = palier_format_count (rows);
  g_autofree char *skipped_text = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *left_out = NULL;

  /* Translators: "Imported 9,994 rows". */
  imported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %s row", "Imported %s rows",
                                           (gulong) MIN (rows, G_MAXULONG)),
                              rows_text);
  if (skipped == 0)
    return g_steal_pointer (&imported);

  skipped_text = palier_format_count (skipped);
  /* Translators: follows "Imported 9,994 rows": "3 invalid rows left
   * out". */
  left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s invalid row left out",
                                           "%s invalid rows left out",
                                           (gulong) MIN (skipped, G_MAXULONG)),
                              skipped_text);
  /* Translators: "Imported 9,991 rows, 3 invalid rows left out". */
  return g_strdup_printf (_("%s, %s"), imported, left_out);
}

/* What the plan or the check found */

guint
_palier_import_dialog_n_fields (PalierImportDialog *self)
{
  switch (self->kind)
    {
    case PALIER_IMPORT_KIND_PARTNERS:
      return PALIER_PARTNERS_N_FIELDS;
    case PALIER_IMPORT_KIND_QUOTAS:
      return PALIER_QUOTAS_N_FIELDS;
    case PALIER_IMPORT_KIND_SALES:
    default:
      return PALIER_N_FIELDS;
    }
}

gboolean
_palier_import_dialog_has_source (PalierImportDialog *self)
{
  return self->plan != NULL || self->file_check != NULL;
}

static guint
source_n_columns (PalierImportDialog *self)
{
  if (self->plan != NULL)
    return palier_import_plan_get_n_columns (self->plan);
  return self->file_check->n_columns;
}

static const char *
source_header (PalierImportDialog *self,
               guint               column)
{
  if (self->plan != NULL)
    return palier_import_plan_get_header (self->plan, column);
  return self->file_check->headers[column];
}

static GPtrArray *
source_preview (PalierImportDialog *self)
{
  if (self->plan != NULL)
    return palier_import_plan_get_preview (self->plan);
  return self->file_check->preview;
}

static int
source_column (PalierImportDialog *self,
               guint               field)
{
  if (self->plan != NULL)
    return palier_import_plan_get_column (self->plan, field);
  return self->file_check->columns[field];
}

/* What the first value of a mapped column reads as */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/* The first non-blank value of @column in the preview, or NULL. */
static const char *
sample_value (PalierImportDialog *self,
              int                 column)
{
  GPtrArray *preview = source_preview (self);

  for (guint i = 0; i < preview->len; i++)
    {
      char **row = g_ptr_array_index (preview, i);

      if (g_strv_length (row) > (guint) column && !is_blank (row[column]))
        return row[column];
    }

  return NULL;
}

static char *
describe_date (const char      *text,
               PalierDateOrder  order)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date_text = NULL;
  PalierDate date;

  if (!palier_date_parse_text (text, strlen (text), order, &date, &error))
    /* Translators: "“3/15/2017” cannot be read as a date in this order". */
    return g_strdup_printf (_("“%s” cannot be read as a date in this order"), text);

  date_text = palier_format_date (date);
  /* Translators: "“3/15/2017” reads as March 15, 2017". */
  return g_strdup_printf (_("“%s” reads as %s"), text, date_text);
}

static char *
describe_number (const char        *text,
                 PalierDecimalMark  mark)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *number_text = NULL;
  PalierDecimal value;

  if (!palier_number_parse (text, strlen (text), mark, &value, &error))
    /* Translators: "“12,3.4” cannot be read as a number with this decimal
     * mark". */
    return g_strdup_printf (_("“%s” cannot be read as a number with this decimal mark"), text);

  number_text = palier_format_quantity (value);
  /* Translators: "“1.234,5” reads as 1,234.5". */
  return g_strdup_printf (_("“%s” reads as %s"), text, number_text);
}

static char *
describe_period (const char *text,
                 int         fiscal_year_start)
{
  g_autofree char *range = NULL;
  PalierDate first;
  PalierDate last;

  if (!palier_quota_parse_period (text, fiscal_year_start, &first, &last, NULL))
    /* Translators: "“FY2018-Q1” cannot be read as a period". */
    return g_strdup_printf (_("“%s” cannot be read as a period"), text);

  range = palier_format_date_range (first, last);
  /* Translators: "“FY2018-Q1” reads as Jul 1, 2017 – Sep 30, 2017". */
  return g_strdup_printf (_("“%s” reads as %s"), text, range);
}

/* How the first value of @field reads, for the dates, numbers and
 * periods of the dialog's kind, or NULL for a text field. */
static char *
describe_value (PalierImportDialog *self,
                guint               field,
                const char         *text)
{
  switch (self->kind)
    {
    case PALIER_IMPORT_KIND_SALES:
      if (field == PALIER_FIELD_DATE)
        return describe_date (text, palier_import_plan_get_date_order (self->plan));
      if (field == PALIER_FIELD_AMOUNT || field == PALIER_FIELD_MARGIN || field == PALIER_FIELD_QUANTITY)
        return describe_number (text, palier_import_plan_get_decimal_mark (self->plan, field));
      return NULL;

    case PALIER_IMPORT_KIND_PARTNERS:
      if (field == PALIER_PARTNERS_FIELD_START)
        return describe_date (text, self->file_check->date_order);
      return NULL;

    case PALIER_IMPORT_KIND_QUOTAS:
      if (field == PALIER_QUOTAS_FIELD_QUOTA)
        return describe_number (text, self->file_check->decimal_mark);
      if (field == PALIER_QUOTAS_FIELD_PERIOD)
        return describe_period (text, self->fiscal_year_start);
      return NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
describe_field (PalierImportDialog *self,
                guint               field,
                int                 column)
{
  const char *text;
  char *description;

  if (column < 0)
    return _palier_import_dialog_field_is_required (self->kind, field) ? g_strdup (_("Required: choose a column"))
                                                                        : g_strdup (_("Not imported"));

  text = sample_value (self, column);
  if (text == NULL)
    return g_strdup (_("Empty in the first rows"));

  description = describe_value (self, field, text);
  if (description != NULL)
    return description;

  /* Translators: an example of a column's values: "For example
   * “Furniture”". */
  return g_strdup_printf (_("For example “%s”"), text);
}

static void
update_mapping_subtitles (PalierImportDialog *self)
{
  for (guint f = 0; f < _palier_import_dialog_n_fields (self); f++)
    {
      PalierColumnMappingRow *row = self->mapping_rows[f];
      g_autofree char *subtitle = describe_field (self, f, palier_column_mapping_row_get_column (row));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
}

/* Preview */

static void
preview_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 14);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, inscription);
}

static void
preview_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkStringList *row = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  const char *text = gtk_string_list_get_string (row, GPOINTER_TO_UINT (user_data));

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription, text);
}

static void
remove_columns (GtkColumnView *table)
{
  GListModel *columns = gtk_column_view_get_columns (table);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (table, column);
    }
}

/* Titles the preview's columns with their header, and the field they
 * feed after it. */
static void
update_preview_titles (PalierImportDialog *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->preview_table);
  guint n_columns = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *header = source_header (self, i);
      g_autofree char *title = NULL;

      for (guint f = 0; f < _palier_import_dialog_n_fields (self) && title == NULL; f++)
        if (palier_column_mapping_row_get_column (self->mapping_rows[f]) == (int) i)
          /* Translators: a column of the preview and the field it feeds:
           * "Order Date → Date". */
          title = g_strdup_printf (_("%s → %s"), header, _palier_import_dialog_field_label (self->kind, f));

      gtk_column_view_column_set_title (column, title != NULL ? title : header);
    }
}

static void
fill_preview (PalierImportDialog *self)
{
  GPtrArray *preview = source_preview (self);
  guint n_columns = source_n_columns (self);

  remove_columns (self->preview_table);
  g_list_store_remove_all (self->preview_rows);

  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (preview_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (preview_bind_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->preview_table, column);
    }

  for (guint i = 0; i < preview->len; i++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *) g_ptr_array_index (preview, i));

      g_list_store_append (self->preview_rows, row);
    }

  update_preview_titles (self);
}

/* Notes */

static GtkWidget *
note_row_new (const char *note)
{
  g_autofree char *text = _palier_import_dialog_strip_advice (note);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-information-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
fill_notes (PalierImportDialog *self)
{
  GPtrArray *notes;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list))) != NULL)
    gtk_list_box_remove (self->notes_list, child);

  /* Only the sales import notes the choices it made without certainty. */
  if (self->plan == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->notes_group), FALSE);
      return;
    }

  notes = palier_import_plan_get_notes (self->plan);
  for (guint i = 0; i < notes->len; i++)
    gtk_list_box_append (self->notes_list, note_row_new (g_ptr_array_index (notes, i)));

  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes->len > 0);
}

/* Filling the widgets from the plan */

static void
fill_format_rows (PalierImportDialog *self)
{
  if (self->file_check != NULL)
    {
      adw_combo_row_set_selected (self->delimiter_row, index_of_delimiter (self->file_check->delimiter));
      adw_combo_row_set_selected (self->decimal_mark_row, index_of_decimal_mark (self->file_check->decimal_mark));
      adw_combo_row_set_selected (self->date_order_row, index_of_date_order (self->file_check->date_order));
      adw_combo_row_set_selected (self->encoding_row, index_of_encoding (self->file_check->encoding));
      adw_combo_row_set_selected (self->fiscal_year_row, MAX (self->fiscal_year_start, 1) - 1);
      gtk_widget_set_visible (GTK_WIDGET (self->fiscal_year_row),
                              self->file_check->has_fiscal_labels || self->fiscal_year_start > 1);
      /* The date order of a partners file only reads start dates. */
      gtk_widget_set_visible (GTK_WIDGET (self->date_order_row),
                              self->kind == PALIER_IMPORT_KIND_PARTNERS &&
                              self->file_check->columns[PALIER_PARTNERS_FIELD_START] >= 0);
      return;
    }

  adw_combo_row_set_selected (self->delimiter_row,
                              index_of_delimiter (palier_import_plan_get_delimiter (self->plan)));
  adw_combo_row_set_selected (self->decimal_mark_row,
                              index_of_decimal_mark (palier_import_plan_get_decimal_mark (self->plan, PALIER_FIELD_AMOUNT)));
  adw_combo_row_set_selected (self->date_order_row,
                              index_of_date_order (palier_import_plan_get_date_order (self->plan)));
  adw_combo_row_set_selected (self->encoding_row,
                              index_of_encoding (palier_import_plan_get_encoding (self->plan)));
}

/* Shows what the plan reads after a change of mapping or style. */
static void
refresh_from_plan (PalierImportDialog *self)
{
  self->filling = TRUE;
  fill_format_rows (self);
  self->filling = FALSE;

  fill_notes (self);
  update_mapping_subtitles (self);
  update_preview_titles (self);
}

void
_palier_import_dialog_fill_from_source (PalierImportDialog *self)
{
  guint n_columns = source_n_columns (self);

  self->filling = TRUE;

  g_clear_object (&self->choices);
  self->choices = gtk_string_list_new (NULL);
  gtk_string_list_append (self->choices, _("Not used"));
  for (guint i = 0; i < n_columns; i++)
    gtk_string_list_append (self->choices, source_header (self, i));

  for (guint f = 0; f < _palier_import_dialog_n_fields (self); f++)
    {
      palier_column_mapping_row_set_headers (self->mapping_rows[f], G_LIST_MODEL (self->choices));
      palier_column_mapping_row_set_column (self->mapping_rows[f], source_column (self, f));
    }

  self->filling = FALSE;

  fill_preview (self);
  refresh_from_plan (self);
}

gboolean
_palier_import_dialog_mapping_is_complete (PalierImportDialog *self)
{
  for (guint f = 0; f < _palier_import_dialog_n_fields (self); f++)
    if (_palier_import_dialog_field_is_required (self->kind, f) &&
        palier_column_mapping_row_get_column (self->mapping_rows[f]) < 0)
      return FALSE;

  return TRUE;
}

static gboolean
is_importing (PalierImportDialog *self)
{
  return self->import_cancellable != NULL;
}

void
_palier_import_dialog_update_actions (PalierImportDialog *self)
{
  gboolean can_import = _palier_import_dialog_has_source (self) &&
                        !is_importing (self) &&
                        _palier_import_dialog_mapping_is_complete (self) &&
                        self->checked &&
                        !self->check_failed &&
                        self->n_rows_read > self->n_invalid &&
                        (self->n_invalid == 0 || gtk_switch_get_active (self->skip_switch));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import", can_import);
}

/* Building the plan */

typedef struct {
  char *path;
  PalierImportOptions options;
} PlanRequest;

static void
plan_request_free (PlanRequest *request)
{
  g_free (request->path);
  palier_import_options_clear (&request->options);
  g_free (request);
}

static gboolean
options_name_columns (const PalierImportOptions *options)
{
  for (guint f = 0; f < PALIER_N_FIELDS; f++)
    if (options->columns[f] != NULL)
      return TRUE;

  return FALSE;
}

/* Builds the plan.  Columns kept by name from an earlier plan may be
 * gone after a change of delimiter or encoding; the columns are then
 * guessed again. */
static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanRequest *request = task_data;
  g_autoptr(GError) error = NULL;
  PalierImportPlan *plan;

  plan = palier_import_plan_new (request->path, &request->options, &error);
  if (plan == NULL && options_name_columns (&request->options) &&
      g_error_matches (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING))
    {
      for (guint f = 0; f < PALIER_N_FIELDS; f++)
        g_clear_pointer (&request->options.columns[f], g_free);
      g_clear_error (&error);
      plan = palier_import_plan_new (request->path, &request->options, &error);
    }

  if (plan == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) palier_import_plan_free);
}

static gboolean
has_forced_settings (PalierImportDialog *self)
{
  return self->encoding != PALIER_ENCODING_AUTO ||
         self->delimiter != 0 ||
         self->date_order != PALIER_DATE_ORDER_AUTO ||
         self->decimal_mark != PALIER_DECIMAL_MARK_AUTO;
}

static void
show_plan_error (PalierImportDialog *self,
                 const GError       *error)
{
  g_autofree char *text = _palier_import_dialog_strip_advice (error->message);

  adw_status_page_set_description (self->error_page, text);
  gtk_widget_set_visible (self->detected_button, has_forced_settings (self));
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
plan_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PalierImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  PalierImportPlan *plan;

  plan = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      palier_import_plan_free (plan);
      return;
    }

  g_clear_object (&self->plan_cancellable);
  gtk_spinner_stop (self->loading_spinner);

  if (plan == NULL)
    {
      show_plan_error (self, error);
      return;
    }

  g_clear_pointer (&self->plan, palier_import_plan_free);
  self->plan = plan;
  _palier_import_dialog_fill_from_source (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  _palier_import_dialog_start_check (self);
}

/* Builds the plan from the file and the forced settings, keeping the
 * mapped columns by name with @keep_mapping. */
static void
load_plan (PalierImportDialog *self,
           gboolean            keep_mapping)
{
  g_autoptr(GTask) task = NULL;
  PlanRequest *request;

  if (self->kind != PALIER_IMPORT_KIND_SALES)
    {
      _palier_import_dialog_load_check (self, keep_mapping);
      return;
    }

  g_cancellable_cancel (self->plan_cancellable);
  g_clear_object (&self->plan_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  self->plan_cancellable = g_cancellable_new ();
  self->checked = FALSE;
  _palier_import_dialog_update_actions (self);

  request = g_new0 (PlanRequest, 1);
  request->path = g_strdup (self->path);
  palier_import_options_init (&request->options);
  request->options.dialect.encoding = self->encoding;
  request->options.dialect.delimiter = self->delimiter;
  request->options.date_order = self->date_order;
  request->options.decimal_mark = self->decimal_mark;
  request->options.allow_unmapped = TRUE;

  for (guint f = 0; keep_mapping && self->plan != NULL && f < PALIER_N_FIELDS; f++)
    {
      int column = palier_column_mapping_row_get_column (self->mapping_rows[f]);

      if (column >= 0)
        request->options.columns[f] = g_strdup (palier_import_plan_get_header (self->plan, column));
    }

  if (self->plan == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    {
      gtk_spinner_start (self->loading_spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  else
    {
      gtk_spinner_start (self->check_spinner);
      gtk_label_set_text (self->check_label, _("Reading the file again…"));
    }

  task = g_task_new (NULL, self->plan_cancellable, plan_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, load_plan);
  g_task_set_task_data (task, request, (GDestroyNotify) plan_request_free);
  g_task_run_in_thread (task, plan_thread);
}

/* Changes made by the user */

static void
mapping_changed_cb (PalierImportDialog     *self,
                    GParamSpec             *pspec,
                    PalierColumnMappingRow *row)
{
  PalierField field = palier_column_mapping_row_get_field (row);
  int column = palier_column_mapping_row_get_column (row);
  g_autoptr(GError) error = NULL;

  if (self->filling || !_palier_import_dialog_has_source (self))
    return;

  if (self->kind != PALIER_IMPORT_KIND_SALES)
    {
      _palier_import_dialog_load_check (self, TRUE);
      return;
    }

  /* The plan keeps a required field's old column, which the dialog
   * ignores until the user chooses a new one. */
  if (column >= 0 || !palier_field_is_required (field))
    {
      if (!palier_import_plan_set_column (self->plan, field, column, &error))
        g_warning ("Cannot map the field “%s”: %s", palier_field_to_string (field), error->message);
    }

  refresh_from_plan (self);
  _palier_import_dialog_start_check (self);
}

static void
decimal_mark_changed_cb (PalierImportDialog *self)
{
  if (self->filling || !_palier_import_dialog_has_source (self))
    return;

  self->decimal_mark = decimal_marks[adw_combo_row_get_selected (self->decimal_mark_row)];
  if (self->plan == NULL)
    {
      _palier_import_dialog_load_check (self, TRUE);
      return;
    }

  palier_import_plan_set_decimal_mark (self->plan, self->decimal_mark);
  refresh_from_plan (self);
  _palier_import_dialog_start_check (self);
}

static void
date_order_changed_cb (PalierImportDialog *self)
{
  if (self->filling || !_palier_import_dialog_has_source (self))
    return;

  self->date_order = date_orders[adw_combo_row_get_selected (self->date_order_row)];
  if (self->plan == NULL)
    {
      _palier_import_dialog_load_check (self, TRUE);
      return;
    }

  palier_import_plan_set_date_order (self->plan, self->date_order);
  refresh_from_plan (self);
  _palier_import_dialog_start_check (self);
}

static void
dialect_changed_cb (PalierImportDialog *self)
{
  if (self->filling || !_palier_import_dialog_has_source (self))
    return;

  self->delimiter = delimiters[adw_combo_row_get_selected (self->delimiter_row)];
  self->encoding = encodings[adw_combo_row_get_selected (self->encoding_row)];
  load_plan (self, TRUE);
}

static void
fiscal_year_changed_cb (PalierImportDialog *self)
{
  if (self->filling || !_palier_import_dialog_has_source (self))
    return;

  palier_import_dialog_set_fiscal_year_start (self, adw_combo_row_get_selected (self->fiscal_year_row) + 1);
}

static void
skip_changed_cb (PalierImportDialog *self)
{
  _palier_import_dialog_update_actions (self);
}

/* Importing */

static void
import_progress_cb (guint64  done,
                    guint64  total,
                    gpointer user_data)
{
  PalierImportDialog *self = user_data;
  int permille = total > 0 ? (int) MIN (1000, done * 1000 / total) : 0;

  g_atomic_int_set (&self->progress_permille, permille);
}

/* Once every row is read, the store still builds its index and commits,
 * which has no progress of its own. */
static gboolean
update_progress_cb (gpointer user_data)
{
  PalierImportDialog *self = user_data;
  int permille = g_atomic_int_get (&self->progress_permille);

  gtk_progress_bar_set_fraction (self->progress_bar, permille / 1000.0);
  if (permille >= 1000)
    gtk_progress_bar_set_text (self->progress_bar, _("Writing to the workspace…"));

  return G_SOURCE_CONTINUE;
}

static void
stop_progress (PalierImportDialog *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
}

static gboolean
error_is_cancellation (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_CANCELLED) ||
         g_error_matches (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED);
}

static void
show_import_error (PalierImportDialog *self,
                   const GError       *error)
{
  g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), self->display_name);
  g_autofree char *body = _palier_import_dialog_strip_advice (error->message);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PalierImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint64 rows = 0;
  guint64 skipped = 0;
  gboolean ok;

  ok = palier_workspace_import_finish (PALIER_WORKSPACE (source), result, &rows, &skipped, &error);

  g_clear_object (&self->import_cancellable);
  if (self->disposed)
    return;
  stop_progress (self);

  if (ok)
    {
      update_progress_cb (self);
      g_signal_emit (self, signals[IMPORTED], 0, rows, skipped);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (error_is_cancellation (error))
    {
      g_signal_emit (self, signals[IMPORT_CANCELLED], 0);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "mapping");
  _palier_import_dialog_update_actions (self);
  show_import_error (self, error);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PalierImportDialog *self = PALIER_IMPORT_DIALOG (widget);

  if (!_palier_import_dialog_has_source (self) || is_importing (self))
    return;

  self->import_cancellable = g_cancellable_new ();
  g_atomic_int_set (&self->progress_permille, 0);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  adw_status_page_set_description (self->progress_page, self->display_name);
  gtk_stack_set_visible_child_name (self->stack, "importing");
  _palier_import_dialog_update_actions (self);

  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, update_progress_cb, self);
  switch (self->kind)
    {
    case PALIER_IMPORT_KIND_SALES:
      palier_import_plan_set_skip_invalid (self->plan, gtk_switch_get_active (self->skip_switch));
      palier_workspace_import_plan_async (self->workspace, self->plan,
                                          import_progress_cb, self,
                                          self->import_cancellable,
                                          import_done_cb, g_object_ref (self));
      break;

    /* The check read the whole file, so only the write is left, which
     * reports no progress. */
    case PALIER_IMPORT_KIND_PARTNERS:
      g_atomic_int_set (&self->progress_permille, 1000);
      palier_workspace_import_partners_async (self->workspace, self->file_check->records,
                                              self->import_cancellable,
                                              import_done_cb, g_object_ref (self));
      break;

    case PALIER_IMPORT_KIND_QUOTAS:
      g_atomic_int_set (&self->progress_permille, 1000);
      palier_workspace_import_quotas_async (self->workspace, self->file_check->records,
                                            self->import_cancellable,
                                            import_done_cb, g_object_ref (self));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Cancels the import, which closes the dialog once the workspace rolled
 * it back, or closes the dialog. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PalierImportDialog *self = PALIER_IMPORT_DIALOG (widget);

  if (is_importing (self))
    g_cancellable_cancel (self->import_cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
use_detected_cb (PalierImportDialog *self)
{
  self->encoding = PALIER_ENCODING_AUTO;
  self->delimiter = 0;
  self->date_order = PALIER_DATE_ORDER_AUTO;
  self->decimal_mark = PALIER_DECIMAL_MARK_AUTO;
  load_plan (self, TRUE);
}

/* GObject */

static gboolean
palier_import_dialog_close_request (GtkWindow *window)
{
  PalierImportDialog *self = PALIER_IMPORT_DIALOG (window);

  /* The dialog closes once the cancelled import has rolled back. */
  if (is_importing (self))
    {
      g_cancellable_cancel (self->import_cancellable);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (palier_import_dialog_parent_class)->close_request (window);
}

static void
palier_import_dialog_dispose (GObject *object)
{
  PalierImportDialog *self = PALIER_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  g_cancellable_cancel (self->plan_cancellable);
  g_cancellable_cancel (self->check_cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->plan_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_object (&self->import_cancellable);
  stop_progress (self);

  G_OBJECT_CLASS (palier_import_dialog_parent_class)->dispose (object);
}

static void
palier_import_dialog_finalize (GObject *object)
{
  PalierImportDialog *self = PALIER_IMPORT_DIALOG (object);

  g_clear_object (&self->workspace);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->plan, palier_import_plan_free);
  g_clear_pointer (&self->file_check, palier_file_check_free);
  g_clear_object (&self->choices);
  g_clear_object (&self->preview_rows);
  g_clear_object (&self->problems);

  G_OBJECT_CLASS (palier_import_dialog_parent_class)->finalize (object);
}

static void
palier_import_dialog_class_init (PalierImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = palier_import_dialog_dispose;
  object_class->finalize = palier_import_dialog_finalize;
  window_class->close_request = palier_import_dialog_close_request;

  /**
   * PalierImportDialog::imported:
   * @rows: rows written to the workspace
   * @skipped: invalid rows left out
   *
   * Emitted when the import committed, just before the dialog closes.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  /**
   * PalierImportDialog::import-cancelled:
   *
   * Emitted when the user cancelled a running import and the workspace
   * rolled it back, just before the dialog closes.
   */
  signals[IMPORT_CANCELLED] =
    g_signal_new ("import-cancelled",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, detected_button);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, preview_table);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, mapping_group);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, decimal_mark_row);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, fiscal_year_row);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, notes_list);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, check_spinner);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, check_label);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, skip_list);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, problems_frame);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, problems_table);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, problems_more_label);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, PalierImportDialog, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, use_detected_cb);
}

static void
setup_preview_table (PalierImportDialog *self)
{
  GtkNoSelection *selection;

  self->preview_rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->preview_rows)));
  gtk_column_view_set_model (self->preview_table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

static void
setup_mapping_rows (PalierImportDialog *self)
{
  for (guint f = 0; f < _palier_import_dialog_n_fields (self); f++)
    {
      GtkWidget *row;

      if (self->kind == PALIER_IMPORT_KIND_SALES)
        row = palier_column_mapping_row_new (f);
      else
        row = palier_column_mapping_row_new_labelled (f, _palier_import_dialog_field_label (self->kind, f),
                                                      _palier_import_dialog_field_is_required (self->kind, f));

      self->mapping_rows[f] = PALIER_COLUMN_MAPPING_ROW (row);
      adw_preferences_group_add (self->mapping_group, row);
      g_signal_connect_object (row, "notify::column", G_CALLBACK (mapping_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
connect_format_rows (PalierImportDialog *self)
{
  g_signal_connect_object (self->delimiter_row, "notify::selected",
                           G_CALLBACK (dialect_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->encoding_row, "notify::selected",
                           G_CALLBACK (dialect_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->decimal_mark_row, "notify::selected",
                           G_CALLBACK (decimal_mark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->date_order_row, "notify::selected",
                           G_CALLBACK (date_order_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->fiscal_year_row, "notify::selected",
                           G_CALLBACK (fiscal_year_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->skip_switch, "notify::active",
                           G_CALLBACK (skip_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
palier_import_dialog_init (PalierImportDialog *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_preview_table (self);
  _palier_import_dialog_setup_problems (self);
  connect_format_rows (self);
  self->filling = FALSE;

  _palier_import_dialog_update_actions (self);
}

/* Titles the window and the texts that name the kind of file. */
static void
apply_kind (PalierImportDialog *self)
{
  const char *title;
  const char *mapping;
  const char *importing;

  switch (self->kind)
    {
    case PALIER_IMPORT_KIND_PARTNERS:
      title = _("Import Partners");
      mapping = _("Choose the column of the file that feeds each field. The partner is required.");
      importing = _("Importing Partners");
      break;

    case PALIER_IMPORT_KIND_QUOTAS:
      title = _("Import Quotas");
      mapping = _("Choose the column of the file that feeds each field. Partner, period and quota are required.");
      importing = _("Importing Quotas");
      break;

    case PALIER_IMPORT_KIND_SALES:
    default:
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  adw_preferences_group_set_description (self->mapping_group, mapping);
  adw_status_page_set_title (self->progress_page, importing);

  /* A partners file has no numbers and a quotas file no dates. */
  gtk_widget_set_visible (GTK_WIDGET (self->decimal_mark_row), self->kind == PALIER_IMPORT_KIND_QUOTAS);
  gtk_widget_set_visible (GTK_WIDGET (self->date_order_row), self->kind == PALIER_IMPORT_KIND_PARTNERS);
}

PalierImportDialog *
palier_import_dialog_new_for_kind (GtkWindow        *parent,
                                   PalierWorkspace  *workspace,
                                   const char       *path,
                                   PalierImportKind  kind)
{
  PalierImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PALIER_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (kind <= PALIER_IMPORT_KIND_QUOTAS, NULL);

  self = g_object_new (PALIER_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->kind = kind;
  self->workspace = g_object_ref (workspace);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_basename (path);
  adw_window_title_set_subtitle (self->window_title, self->display_name);

  self->filling = TRUE;
  apply_kind (self);
  setup_mapping_rows (self);
  self->filling = FALSE;

  load_plan (self, FALSE);

  return self;
}

PalierImportDialog *
palier_import_dialog_new (GtkWindow       *parent,
                          PalierWorkspace *workspace,
                          const char      *path)
{
  return palier_import_dialog_new_for_kind (parent, workspace, path, PALIER_IMPORT_KIND_SALES);
}

PalierImportKind
palier_import_dialog_get_kind (PalierImportDialog *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_DIALOG (self), PALIER_IMPORT_KIND_SALES);

  return self->kind;
}

PalierFileCheck *
palier_import_dialog_get_file_check (PalierImportDialog *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_DIALOG (self), NULL);

  return self->file_check;
}

PalierImportPlan *
palier_import_dialog_get_plan (PalierImportDialog *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_DIALOG (self), NULL);

  return self->plan;
}

PalierColumnMappingRow *
palier_import_dialog_get_mapping_row (PalierImportDialog *self,
                                      guint               field)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (field < _palier_import_dialog_n_fields (self), NULL);

  return self->mapping_rows[field];
}

gboolean
palier_import_dialog_is_checking (PalierImportDialog *self)
{
  g_return_val_if_fail (PALIER_IS_IMPORT_DIALOG (self), FALSE);

  return self->plan_cancellable != NULL || self->check_cancellable != NULL;
}
