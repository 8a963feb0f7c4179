/* palier-import-dialog-private.h: what palier-import-dialog*.c share */
#pragma once

#include "palier-import-dialog.h"

G_BEGIN_DECLS

struct _PalierImportDialog
{
  AdwWindow parent_instance;

  PalierImportKind kind;
  PalierWorkspace *workspace;
  char *path;
  char *display_name;
  PalierImportPlan *plan;               /* sales files */
  PalierFileCheck *file_check;          /* partners and quotas files */

  /* Settings the user forced: AUTO or 0 while the detected ones apply. */
  PalierEncoding encoding;
  char delimiter;
  PalierDateOrder date_order;
  PalierDecimalMark decimal_mark;
  int fiscal_year_start;                /* quotas files; 1 for calendar years */

  GtkStringList *choices;               /* "Not used", then the headers */
  GListStore *preview_rows;             /* GtkStringList per row */
  GListStore *problems;                 /* PalierImportProblemItem */
  PalierColumnMappingRow *mapping_rows[PALIER_N_FIELDS];
  gboolean filling;                     /* widgets being set from the plan */
  gboolean disposed;

  GCancellable *plan_cancellable;
  GCancellable *check_cancellable;
  GCancellable *import_cancellable;

  /* Outcome of the last dry run. */
  gboolean checked;
  gboolean check_failed;
  guint64 n_rows_read;
  guint64 n_invalid;

  int progress_permille;                /* written by the import thread */
  guint progress_source;

  /* template */
  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkStack *stack;
  GtkSpinner *loading_spinner;
  AdwStatusPage *error_page;
  GtkWidget *detected_button;
  GtkColumnView *preview_table;
  AdwPreferencesGroup *mapping_group;
  AdwComboRow *delimiter_row;
  AdwComboRow *decimal_mark_row;
  AdwComboRow *date_order_row;
  AdwComboRow *encoding_row;
  AdwComboRow *fiscal_year_row;
  AdwPreferencesGroup *notes_group;
  GtkListBox *notes_list;
  GtkSpinner *check_spinner;
  GtkLabel *check_label;
  GtkWidget *skip_list;
  GtkSwitch *skip_switch;
  GtkWidget *problems_frame;
  GtkColumnView *problems_table;
  GtkLabel *problems_more_label;
  AdwStatusPage *progress_page;
  GtkProgressBar *progress_bar;
};

/* The core's message without its command-line advice
 * (palier-import-dialog.c). */
char     *_palier_import_dialog_strip_advice          (const char         *message);

/* Enables Import when the mapping is complete and checked. */
void      _palier_import_dialog_update_actions        (PalierImportDialog *self);

/* Whether date, partner and amount each have a column. */
gboolean  _palier_import_dialog_mapping_is_complete   (PalierImportDialog *self);

/* The fields of the dialog's kind: PALIER_N_FIELDS for sales. */
guint     _palier_import_dialog_n_fields              (PalierImportDialog *self);

/* Whether the plan or the check is there to show. */
gboolean  _palier_import_dialog_has_source            (PalierImportDialog *self);

/* Fills the preview, mapping and format widgets from the plan or the
 * check (palier-import-dialog.c). */
void      _palier_import_dialog_fill_from_source      (PalierImportDialog *self);

/* Lists @problems (PalierImportProblem *) of @rows_invalid rows out of
 * @rows_read (palier-import-dialog-check.c). */
void      _palier_import_dialog_show_problems         (PalierImportDialog *self,
                                                       guint64             rows_read,
                                                       guint64             rows_invalid,
                                                       GPtrArray          *problems);

/* Checks a partners or quotas file with the current settings, keeping
 * the mapped columns by name with @keep_mapping
 * (palier-import-dialog-records.c). */
void      _palier_import_dialog_load_check            (PalierImportDialog *self,
                                                       gboolean            keep_mapping);

/* Field labels and whether a field is required, after the kind. */
const char *_palier_import_dialog_field_label         (PalierImportKind    kind,
                                                       guint               field);
gboolean  _palier_import_dialog_field_is_required     (PalierImportKind    kind,
                                                       guint               field);

/* Starts a dry run of the current settings, replacing any still running
 * (palier-import-dialog-check.c). */
void      _palier_import_dialog_start_check           (PalierImportDialog *self);

/* Sets up the list of rows that would fail. */
void      _palier_import_dialog_setup_problems        (PalierImportDialog *self);

G_END_DECLS
