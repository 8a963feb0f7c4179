/* palier-import-dialog-check.c: the dry run of the import dialog
 *
 * After every change of settings the dialog runs a copy of its plan over
 * the whole file in a worker thread.  The run skips invalid rows and
 * hands the valid ones to a sink that keeps nothing.  The dialog then
 * lists the rows that would fail: their line, column, value and reason.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-format.h"
#include "palier-import-dialog-private.h"
#include "palier-import-problem-item.h"

/* Rows that would fail listed in the dialog.  The dry run counts them
 * all. */
#define MAX_LISTED_PROBLEMS 200

typedef struct {
  guint64 rows_read;
  guint64 rows_invalid;
  GPtrArray *problems;                  /* PalierImportProblem * */
} CheckResult;

static void
check_result_free (CheckResult *check)
{
  g_clear_pointer (&check->problems, g_ptr_array_unref);
  g_free (check);
}

static gboolean
discard_row (const PalierSaleRow  *row,
             gpointer              user_data,
             GError              **error)
{
  return TRUE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PalierImportPlan *plan = task_data;
  PalierImportReport report;
  g_autoptr(GError) error = NULL;
  CheckResult *check;

  palier_import_report_init (&report);
  if (!palier_import_plan_run (plan, discard_row, NULL, NULL, NULL, cancellable, &report, &error))
    {
      palier_import_report_clear (&report);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  check = g_new0 (CheckResult, 1);
  check->rows_read = report.rows_read;
  check->rows_invalid = report.rows_skipped;
  check->problems = g_steal_pointer (&report.problems);
  palier_import_report_clear (&report);

  g_task_return_pointer (task, check, (GDestroyNotify) check_result_free);
}

void
_palier_import_dialog_show_problems (PalierImportDialog *self,
                                     guint64             rows_read,
                                     guint64             rows_invalid,
                                     GPtrArray          *problems)
{
  guint n_listed = MIN (problems->len, MAX_LISTED_PROBLEMS);
  g_autofree char *rows = palier_format_count (rows_read);
  g_autofree char *invalid = palier_format_count (rows_invalid);
  g_autofree char *text = NULL;

  g_list_store_remove_all (self->problems);
  for (guint i = 0; i < n_listed; i++)
    {
      g_autoptr(PalierImportProblemItem) item =
        palier_import_problem_item_new (g_ptr_array_index (problems, i), self->display_name);

      g_list_store_append (self->problems, item);
    }

  if (rows_invalid == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "The file’s %s row can be imported.",
                                         "All %s rows of the file can be imported.",
                                         (gulong) MIN (rows_read, G_MAXULONG)),
                            rows);
  else
    /* Translators: "3 of 9,994 rows cannot be imported." */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s of %s rows cannot be imported. Turn on Skip Invalid Rows to import the others, or correct the file and import it again.",
                                         "%s of %s rows cannot be imported. Turn on Skip Invalid Rows to import the others, or correct the file and import it again.",
                                         (gulong) MIN (rows_invalid, G_MAXULONG)),
                            invalid, rows);
  gtk_label_set_text (self->check_label, text);

  gtk_widget_set_visible (self->skip_list, rows_invalid > 0);
  gtk_widget_set_visible (self->problems_frame, rows_invalid > 0);

  if (rows_invalid > n_listed)
    {
      g_autofree char *listed = palier_format_count (n_listed);
      g_autofree char *more = g_strdup_printf (_("The list shows the first %s of the %s rows that would fail."),
                                               listed, invalid);

      gtk_label_set_text (self->problems_more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_more_label), rows_invalid > n_listed);
}

static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PalierImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  CheckResult *check;

  check = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->disposed || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      g_clear_pointer (&check, check_result_free);
      return;
    }

  g_clear_object (&self->check_cancellable);
  gtk_spinner_stop (self->check_spinner);
  self->checked = TRUE;

  if (check == NULL)
    {
      g_autofree char *text = _palier_import_dialog_strip_advice (error->message);

      self->check_failed = TRUE;
      gtk_label_set_text (self->check_label, text);
    }
  else
    {
      self->n_rows_read = check->rows_read;
      self->n_invalid = check->rows_invalid;
      _palier_import_dialog_show_problems (self, check->rows_read, check->rows_invalid, check->problems);
      check_result_free (check);
    }

  _palier_import_dialog_update_actions (self);
}

/* Starts a dry run of the current settings, replacing any still
 * running. */
void
_palier_import_dialog_start_check (PalierImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PalierImportPlan *copy;

  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);

  g_list_store_remove_all (self->problems);
  self->checked = FALSE;
  self->check_failed = FALSE;
  self->n_rows_read = 0;
  self->n_invalid = 0;
  gtk_widget_set_visible (self->skip_list, FALSE);
  gtk_widget_set_visible (self->problems_frame, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_more_label), FALSE);
  _palier_import_dialog_update_actions (self);

  if (!_palier_import_dialog_mapping_is_complete (self))
    {
      gtk_spinner_stop (self->check_spinner);
      gtk_label_set_text (self->check_label,
                          _("Choose a column for the date, the partner and the amount to check the rows."));
      return;
    }

  gtk_spinner_start (self->check_spinner);
  gtk_label_set_text (self->check_label, _("Checking every row…"));

  copy = palier_import_plan_copy (self->plan);
  palier_import_plan_set_skip_invalid (copy, TRUE);

  self->check_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->check_cancellable, check_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, _palier_import_dialog_start_check);
  g_task_set_task_data (task, copy, (GDestroyNotify) palier_import_plan_free);
  g_task_run_in_thread (task, check_thread);
}

/* The list of rows that would fail: line, column, value and reason. */

typedef enum {
  PROBLEM_LINE,
  PROBLEM_COLUMN,
  PROBLEM_VALUE,
  PROBLEM_REASON,
} ProblemColumn;

static void
problem_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  ProblemColumn kind = GPOINTER_TO_INT (user_data);
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  switch (kind)
    {
    case PROBLEM_LINE:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 5);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
      break;

    case PROBLEM_COLUMN:
    case PROBLEM_VALUE:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 6);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 12);
      break;

    case PROBLEM_REASON:
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 20);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 60);
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_list_item_set_child (list_item, inscription);
}

static void
problem_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  ProblemColumn kind = GPOINTER_TO_INT (user_data);
  PalierImportProblemItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  switch (kind)
    {
    case PROBLEM_LINE:
      text = palier_format_count (palier_import_problem_item_get_line (item));
      break;

    case PROBLEM_COLUMN:
      text = g_strdup (palier_import_problem_item_get_column (item));
      break;

    case PROBLEM_VALUE:
      text = g_strdup (palier_import_problem_item_get_value (item));
      break;

    case PROBLEM_REASON:
      text = _palier_import_dialog_strip_advice (palier_import_problem_item_get_reason (item));
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
  gtk_widget_set_tooltip_text (inscription, text);
}

static void
append_problem_column (PalierImportDialog *self,
                       const char         *title,
                       ProblemColumn       kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (problem_setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (problem_bind_cb), GINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, kind == PROBLEM_REASON);
  gtk_column_view_append_column (self->problems_table, column);
}

void
_palier_import_dialog_setup_problems (PalierImportDialog *self)
{
  GtkNoSelection *selection;

  self->problems = g_list_store_new (PALIER_TYPE_IMPORT_PROBLEM_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)));
  gtk_column_view_set_model (self->problems_table, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  append_problem_column (self, _("Line"), PROBLEM_LINE);
  append_problem_column (self, _("Column"), PROBLEM_COLUMN);
  append_problem_column (self, _("Value"), PROBLEM_VALUE);
  append_problem_column (self, _("Reason"), PROBLEM_REASON);
}
