/* palier-designer-view-private.h: what palier-designer-view*.c share */
#pragma once

#include "palier-curve-editor.h"
#include "palier-designer-view.h"

G_BEGIN_DECLS

/* The object-data key of the program or segment id on rows and buttons. */
#define ID_KEY "palier-id"

struct _PalierDesignerView
{
  AdwBin parent_instance;

  PalierWorkspace *workspace;
  GHashTable *editors;                  /* program id → PalierProgramEditor */
  PalierProgramEditor *editor;          /* of the selected program */
  PalierLiveSimulation *live;
  PalierProgram *pending_run;           /* simulated at the next frame */
  PalierProgram *last_run;              /* the program simulated last */
  gboolean pending_publishes;           /* the pending run goes to Results */
  gboolean run_publishes;               /* the last run goes to Results */
  guint run_tick_id;
  guint component;                      /* selected, G_MAXUINT for none */
  GListStore *tier_items;
  GPtrArray *segments;                  /* of the workspace's partners */
  GPtrArray *regions;                   /* of the workspace's sales */
  GPtrArray *categories;
  GPtrArray *products;
  gboolean updating;                    /* widgets filled from the model */

  /* template */
  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkListBox *program_list;
  GtkStack *program_stack;
  AdwStatusPage *error_page;
  GtkLabel *totals_label;
  GtkSpinner *live_spinner;
  GtkLabel *problem_label;
  AdwEntryRow *name_row;
  AdwEntryRow *currency_row;
  AdwComboRow *period_row;
  AdwComboRow *fiscal_year_row;
  AdwEntryRow *quota_row;
  AdwExpanderRow *segment_quotas_row;
  GtkMenuButton *add_segment_quota_button;
  GtkListBox *component_list;
  AdwPreferencesGroup *component_group;
  GtkColumnView *tier_table;
  GtkColumnViewColumn *from_column;
  GtkColumnViewColumn *value_column;
  GtkColumnViewColumn *overrides_column;
  GtkColumnViewColumn *remove_column;
  GtkLabel *row_error_label;
  GtkButton *add_row_button;
  AdwButtonContent *add_row_content;
  PalierCurveEditor *curve_editor;
  GtkLabel *component_problem_label;
  AdwPreferencesGroup *settings_group;
  AdwEntryRow *component_name_row;
  AdwEntryRow *component_id_row;
  AdwComboRow *measure_row;
  AdwComboRow *basis_row;
  AdwComboRow *method_row;
  AdwActionRow *gate_row;
  GtkEntry *gate_entry;
  GtkSwitch *gate_switch;
  AdwActionRow *cap_row;
  GtkEntry *cap_entry;
  GtkSwitch *cap_switch;
  AdwExpanderRow *filter_row;
  AdwEntryRow *category_row;
  AdwEntryRow *product_row;
  AdwEntryRow *region_row;
  AdwEntryRow *segment_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  GtkMenuButton *region_menu_button;
  GtkMenuButton *segment_menu_button;
  GtkMenuButton *category_menu_button;
  GtkMenuButton *product_menu_button;

  /* commission options, deal bonus and reward (palier-designer-view-kinds.c) */
  AdwComboRow *tier_kind_row;
  AdwComboRow *negative_row;
  AdwComboRow *component_period_row;
  AdwPreferencesGroup *deal_group;
  AdwEntryRow *deal_min_row;
  AdwEntryRow *deal_amount_row;
  AdwActionRow *deal_rate_row;
  GtkEntry *deal_rate_entry;
  GtkSwitch *deal_rate_switch;
  GtkDrawingArea *deal_chart;
  GtkLabel *deal_summary_label;
  AdwPreferencesGroup *reward_group;
  AdwComboRow *reward_kind_row;
  AdwEntryRow *unit_cost_row;
  AdwComboRow *reward_rule_row;
  AdwEntryRow *top_count_row;
  AdwComboRow *threshold_basis_row;
  AdwEntryRow *threshold_min_row;
  GtkLabel *qualifier_label;
  GtkListBox *qualifier_list;

  GArray *deal_values;                  /* PalierDecimal, NULL until read */
  char *deal_values_key;                /* what deal_values were read for */
  GCancellable *deal_cancellable;       /* the read still going */
  PalierComponent *deal_preview;        /* the deal bonus while its line is dragged */
  PalierDealSizesLayout deal_drag_layout;
  double deal_drag_x;

  /* segment overrides (palier-designer-view-segments.c) */
  GPtrArray *segment_columns;           /* GtkColumnViewColumn *, table order */
  GtkMenuButton *add_segment_column_button;
  GtkDropDown *curve_segment_dropdown;
};

/* The program the designer shows: the editor's draft, or NULL. */
PalierProgram *_palier_designer_view_get_draft   (PalierDesignerView *self);

/* Hands an edit of the draft to the editor.  Takes @candidate and the
 * string in *@summary, which it sets to NULL; a NULL @candidate (an edit
 * that changes nothing) is ignored.  The summary is passed by address so
 * that it is read after the call that computes @candidate and sets it. */
void           _palier_designer_view_edit        (PalierDesignerView  *self,
                                                  PalierProgram       *candidate,
                                                  char               **summary);

/* Simulates @program at the next frame, replacing any run still going. */
void           _palier_designer_view_simulate    (PalierDesignerView *self,
                                                  PalierProgram      *program);

/* Shows a toast in the window, when the view is in one. */
void           _palier_designer_view_toast       (PalierDesignerView *self,
                                                  const char         *message);

/* The sidebar's editors (palier-designer-view.c). */
PalierProgramEditor *_palier_designer_view_ensure_editor (PalierDesignerView  *self,
                                                          PalierProgram       *program);
void           _palier_designer_view_set_editor  (PalierDesignerView  *self,
                                                  PalierProgramEditor *editor);
GtkListBoxRow *_palier_designer_view_find_program_row (PalierDesignerView *self,
                                                       const char         *id);

/* Program settings and actions (palier-designer-view-program.c). */
void           _palier_designer_view_show_properties   (PalierDesignerView  *self,
                                                        const PalierProgram *program);
void           _palier_designer_view_start_demo        (PalierDesignerView  *self);
void           _palier_designer_view_class_init_program (GtkWidgetClass     *widget_class);

/* Components (palier-designer-view-component.c). */
const PalierComponent *_palier_designer_view_get_component (PalierDesignerView *self);
void           _palier_designer_view_show_components   (PalierDesignerView *self);
void           _palier_designer_view_class_init_components (GtkWidgetClass *widget_class);

/* Tier table and curve (palier-designer-view-table.c). */
void           _palier_designer_view_init_table        (PalierDesignerView    *self);
void           _palier_designer_view_show_table        (PalierDesignerView    *self,
                                                        const PalierProgram   *draft,
                                                        const PalierComponent *component);
void           _palier_designer_view_class_init_table  (GtkWidgetClass        *widget_class);

/* Commission options, deal bonuses and rewards
 * (palier-designer-view-kinds.c).  A NULL @component hides them. */
void           _palier_designer_view_show_kinds        (PalierDesignerView    *self,
                                                        const PalierProgram   *draft,
                                                        const PalierComponent *component);
/* Counts the deals the selected deal bonus pays and its cost, exact
 * once the live result is of the bonus as drawn. */
void           _palier_designer_view_show_deal_summary (PalierDesignerView *self);
/* Lists the partners the last live result gives the selected reward. */
void           _palier_designer_view_show_qualifiers   (PalierDesignerView    *self);
void           _palier_designer_view_init_kinds        (PalierDesignerView    *self);
void           _palier_designer_view_dispose_kinds     (PalierDesignerView    *self);
void           _palier_designer_view_class_init_kinds  (GtkWidgetClass        *widget_class);

/* Segment override columns and the curve's segment
 * (palier-designer-view-segments.c). */
void           _palier_designer_view_show_segment_columns (PalierDesignerView    *self,
                                                           const PalierComponent *component);
void           _palier_designer_view_init_segments     (PalierDesignerView    *self);
void           _palier_designer_view_dispose_segments  (PalierDesignerView    *self);
void           _palier_designer_view_class_init_segments (GtkWidgetClass      *widget_class);

/* Marks @widget as invalid with @message as its tooltip, or clears the
 * mark when @message is NULL. */
void           _palier_designer_view_flag          (GtkWidget          *widget,
                                                    const char         *message);

G_END_DECLS
