/* palier-import-dialog-private.h: what palier-import-dialog*.c share */
#pragma once

#include "palier-import-dialog.h"

G_BEGIN_DECLS

struct _PalierImportDialog
{
  AdwWindow parent_instance;

  PalierWorkspace *workspace;
  char *path;
  char *display_name;
  PalierImportPlan *plan;

  /* Settings the user forced: AUTO or 0 while the detected ones apply. */
  PalierEncoding encoding;
  char delimiter;
  PalierDateOrder date_order;
  PalierDecimalMark decimal_mark;

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

/* Starts a dry run of the current settings, replacing any still running
 * (palier-import-dialog-check.c). */
void      _palier_import_dialog_start_check           (PalierImportDialog *self);

/* Sets up the list of rows that would fail. */
void      _palier_import_dialog_setup_problems        (PalierImportDialog *self);

G_END_DECLS
