/* palier-window-private.h: what palier-window*.c share */
#pragma once

#include "palier-import-dialog.h"

#include "palier-compare-view.h"
#include "palier-data-view.h"
#include "palier-designer-view.h"
#include "palier-results-view.h"
#include "palier-scenarios-view.h"
#include "palier-window.h"

G_BEGIN_DECLS

struct _PalierWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;
  PalierWorkspace *workspace;
  GCancellable *open_cancellable;

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GtkLabel *workspace_label;
  GtkMenuButton *primary_menu_button;
  PalierDataView *data_view;
  PalierDesignerView *designer_view;
  PalierResultsView *results_view;
  PalierCompareView *compare_view;
  PalierScenariosView *scenarios_view;
};

/* Installs the window's actions (palier-window-actions.c). */
void _palier_window_class_add_actions (GtkWidgetClass *widget_class);

/* Enables the actions that depend on the workspace and the results. */
void _palier_window_update_actions    (PalierWindow   *self);

/* Opens the workspace at @path with @flags in a worker thread.  On
 * success it replaces the current workspace. */
void _palier_window_open_workspace    (PalierWindow     *self,
                                       const char       *path,
                                       PalierStoreFlags  flags);

/* Imports the sales file at @path into the current workspace. */
void _palier_window_import_file       (PalierWindow   *self,
                                       const char     *path);

/* Shows the import dialog for the file of @kind at @path, or an error
 * when no workspace is open (then returns NULL). */
PalierImportDialog *_palier_window_import_file_kind (PalierWindow     *self,
                                                     const char       *path,
                                                     PalierImportKind  kind);

/* Imports a CSV file opened or dropped on the window.  When its headers
 * have no sales date and amount but match a partners or quotas file,
 * asks which kind it is first (palier-window-import.c). */
void _palier_window_import_csv        (PalierWindow   *self,
                                       const char     *path);

/* Reads the program XML file at @path into the current workspace. */
void _palier_window_import_program    (PalierWindow   *self,
                                       const char     *path);

/* Shows a message dialog with one Close button.  @heading names the
 * file, and @body explains what failed and what to do. */
void _palier_window_show_error        (PalierWindow   *self,
                                       const char     *heading,
                                       const char     *body);

G_END_DECLS
