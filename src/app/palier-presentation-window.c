/* palier-presentation-window.c: the charts of a scenario, full screen
 *
 * Each page draws one of the core's charts at the size of the screen,
 * with a larger font so that a room can read it.  Pages without data
 * are left out rather than shown empty.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-chart-view.h"
#include "palier-presentation-window.h"

typedef enum {
  PAGE_CURVE,
  PAGE_PERIODS,
  PAGE_COMPARISON_PERIODS,
  PAGE_COMPARISON_DISTRIBUTION,
  PAGE_COMPARISON_DIFFERENCES,
  PAGE_RISK,
  PAGE_HEALTH,
} PageKind;

static const char *const page_names[] = {
  [PAGE_CURVE] = "curve",
  [PAGE_PERIODS] = "periods",
  [PAGE_COMPARISON_PERIODS] = "comparison-periods",
  [PAGE_COMPARISON_DISTRIBUTION] = "comparison-distribution",
  [PAGE_COMPARISON_DIFFERENCES] = "comparison-differences",
  [PAGE_RISK] = "risk",
  [PAGE_HEALTH] = "health",
};

struct _PalierPresentationWindow
{
  AdwWindow parent_instance;

  PalierProgram *program;
  const PalierComponent *curve_component;  /* owned by @program */
  PalierResult *result;
  PalierScenarioComparison *comparison;
  PalierMonteCarloResult *risk;
  PalierHealth *health;
  GArray *kinds;                        /* PageKind, page order */
  GPtrArray *titles;                    /* char *, page order */

  /* template */
  GtkStack *pages;
  GtkLabel *page_label;
};

G_DEFINE_FINAL_TYPE (PalierPresentationWindow, palier_presentation_window, ADW_TYPE_WINDOW)

/* Font size of the charts, in points: readable from the back of a
 * meeting room on a projected 1080p screen. */
#define PRESENTATION_FONT_SIZE 16.0

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  PalierPresentationWindow *self = g_object_get_data (G_OBJECT (area), "palier-window");
  PageKind kind = GPOINTER_TO_INT (user_data);
  PalierChartStyle style;
  PalierCurveSpec spec = { 0 };

  palier_chart_view_init_style (GTK_WIDGET (area), &style);
  style.font_size = PRESENTATION_FONT_SIZE;

  switch (kind)
    {
    case PAGE_CURVE:
      spec.program = self->program;
      spec.component = self->curve_component;
      palier_chart_draw_payout_curve (cr, width, height, &spec, &style);
      break;

    case PAGE_PERIODS:
      palier_chart_draw_periods (cr, width, height, self->result, &style);
      break;

    case PAGE_COMPARISON_PERIODS:
      palier_scenario_chart_draw (cr, width, height, self->comparison,
                                  PALIER_SCENARIO_CHART_PERIODS, &style);
      break;

    case PAGE_COMPARISON_DISTRIBUTION:
      palier_scenario_chart_draw (cr, width, height, self->comparison,
                                  PALIER_SCENARIO_CHART_DISTRIBUTION, &style);
      break;

    case PAGE_COMPARISON_DIFFERENCES:
      palier_scenario_chart_draw (cr, width, height, self->comparison,
                                  PALIER_SCENARIO_CHART_DIFFERENCES, &style);
      break;

    case PAGE_RISK:
      palier_chart_draw_risk (cr, width, height, self->risk, &style);
      break;

    case PAGE_HEALTH:
      palier_chart_draw_health (cr, width, height, self->health, &style);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_page (PalierPresentationWindow *self,
          PageKind                  kind,
          const char               *title)
{
  GtkWidget *area = gtk_drawing_area_new ();

  g_object_set_data (G_OBJECT (area), "palier-window", self);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, GINT_TO_POINTER (kind), NULL);
  gtk_widget_set_hexpand (area, TRUE);
  gtk_widget_set_vexpand (area, TRUE);
  gtk_widget_set_margin_top (area, 24);
  gtk_widget_set_margin_start (area, 24);
  gtk_widget_set_margin_end (area, 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);

  gtk_stack_add_named (self->pages, area, page_names[kind]);
  g_array_append_val (self->kinds, kind);
  g_ptr_array_add (self->titles, g_strdup (title));
}

static const PalierComponent *
first_curve_component (const PalierProgram *program)
{
  for (guint i = 0; i < program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, i);

      if (component->kind == PALIER_COMPONENT_COMMISSION || component->kind == PALIER_COMPONENT_BONUS)
        return component;
    }

  return NULL;
}

static void
add_pages (PalierPresentationWindow *self)
{
  self->curve_component = first_curve_component (self->program);
  if (self->curve_component != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: title of a presentation page, "Payout curve of
       * Commission". */
      title = g_strdup_printf (_("Payout curve of %s"),
                               self->curve_component->name != NULL ? self->curve_component->name
                                                                   : self->curve_component->id);
      add_page (self, PAGE_CURVE, title);
    }

  add_page (self, PAGE_PERIODS, _("Payouts per period"));

  /* The compared scenarios share one y-scale on each page.  One
   * scenario alone has nothing to compare with. */
  if (self->comparison != NULL && self->comparison->n_columns > 1)
    {
      g_autofree char *title = NULL;

      add_page (self, PAGE_COMPARISON_PERIODS, _("Payouts per period of the compared scenarios"));
      add_page (self, PAGE_COMPARISON_DISTRIBUTION,
                _("Distribution of partner costs of the compared scenarios"));
      /* Translators: title of a presentation page, "Cost differences
       * per partner against Baseline". */
      title = g_strdup_printf (_("Cost differences per partner against %s"),
                               self->comparison->columns[0].label);
      add_page (self, PAGE_COMPARISON_DIFFERENCES, title);
    }

  if (self->risk != NULL)
    add_page (self, PAGE_RISK, _("Cost risk"));
  if (self->health != NULL)
    add_page (self, PAGE_HEALTH, _("Program health"));
}

static void
update_page_label (PalierPresentationWindow *self)
{
  guint page = palier_presentation_window_get_page (self);
  g_autofree char *text = NULL;

  /* Translators: position in the presentation, "Payouts per period —
   * 2 of 4". */
  text = g_strdup_printf (_("%s — %u of %u"), (const char *) g_ptr_array_index (self->titles, page),
                          page + 1, self->kinds->len);
  gtk_label_set_text (self->page_label, text);
  gtk_window_set_title (GTK_WINDOW (self), text);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.previous", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "presentation.next", page + 1 < self->kinds->len);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PalierPresentationWindow *self = PALIER_PRESENTATION_WINDOW (widget);
  guint page = palier_presentation_window_get_page (self);

  if (g_str_equal (action_name, "presentation.next"))
    palier_presentation_window_set_page (self, page + 1);
  else if (g_str_equal (action_name, "presentation.previous") && page > 0)
    palier_presentation_window_set_page (self, page - 1);
  else if (g_str_equal (action_name, "presentation.first"))
    palier_presentation_window_set_page (self, 0);
  else if (g_str_equal (action_name, "presentation.last"))
    palier_presentation_window_set_page (self, G_MAXUINT);
}

/* Public */

guint
palier_presentation_window_get_n_pages (PalierPresentationWindow *self)
{
  g_return_val_if_fail (PALIER_IS_PRESENTATION_WINDOW (self), 0);

  return self->kinds->len;
}

guint
palier_presentation_window_get_page (PalierPresentationWindow *self)
{
  const char *name;

  g_return_val_if_fail (PALIER_IS_PRESENTATION_WINDOW (self), 0);

  name = gtk_stack_get_visible_child_name (self->pages);
  for (guint i = 0; i < self->kinds->len; i++)
    if (g_strcmp0 (page_names[g_array_index (self->kinds, PageKind, i)], name) == 0)
      return i;

  return 0;
}

void
palier_presentation_window_set_page (PalierPresentationWindow *self,
                                     guint                     page)
{
  g_return_if_fail (PALIER_IS_PRESENTATION_WINDOW (self));

  page = MIN (page, self->kinds->len - 1);
  gtk_stack_set_visible_child_name (self->pages, page_names[g_array_index (self->kinds, PageKind, page)]);
  update_page_label (self);
}

const char *
palier_presentation_window_get_page_name (PalierPresentationWindow *self,
                                          guint                     page)
{
  g_return_val_if_fail (PALIER_IS_PRESENTATION_WINDOW (self), NULL);
  g_return_val_if_fail (page < self->kinds->len, NULL);

  return page_names[g_array_index (self->kinds, PageKind, page)];
}

PalierPresentationWindow *
palier_presentation_window_new (GtkWindow                *parent,
                                const PalierProgram      *program,
                                PalierResult             *result,
                                PalierScenarioComparison *comparison,
                                PalierMonteCarloResult   *risk,
                                PalierHealth             *health)
{
  PalierPresentationWindow *self;

  g_return_val_if_fail (program != NULL, NULL);
  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (PALIER_TYPE_PRESENTATION_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->program = palier_program_copy (program);
  self->result = palier_result_ref (result);
  self->comparison = comparison != NULL ? palier_scenario_comparison_ref (comparison) : NULL;
  self->risk = risk != NULL ? palier_monte_carlo_result_ref (risk) : NULL;
  self->health = health != NULL ? palier_health_ref (health) : NULL;

  add_pages (self);
  palier_presentation_window_set_page (self, 0);

  return self;
}

/* GObject */

static void
palier_presentation_window_finalize (GObject *object)
{
  PalierPresentationWindow *self = PALIER_PRESENTATION_WINDOW (object);

  g_clear_pointer (&self->program, palier_program_unref);
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_pointer (&self->comparison, palier_scenario_comparison_unref);
  g_clear_pointer (&self->risk, palier_monte_carlo_result_unref);
  g_clear_pointer (&self->health, palier_health_unref);
  g_clear_pointer (&self->kinds, g_array_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);

  G_OBJECT_CLASS (palier_presentation_window_parent_class)->finalize (object);
}

/* The keys run in the capture phase, before the focused widget can
 * take them.  As class bindings, Right did not turn the page in
 * GTK 4.8 once the window was shown. */
static void
add_key_shortcuts (PalierPresentationWindow *self)
{
  static const struct {
    guint key;
    const char *action;
  } keys[] = {
    { GDK_KEY_Right, "presentation.next" },
    { GDK_KEY_Down, "presentation.next" },
    { GDK_KEY_Page_Down, "presentation.next" },
    { GDK_KEY_space, "presentation.next" },
    { GDK_KEY_Left, "presentation.previous" },
    { GDK_KEY_Up, "presentation.previous" },
    { GDK_KEY_Page_Up, "presentation.previous" },
    { GDK_KEY_BackSpace, "presentation.previous" },
    { GDK_KEY_Home, "presentation.first" },
    { GDK_KEY_End, "presentation.last" },
    { GDK_KEY_Escape, "window.close" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
palier_presentation_window_class_init (PalierPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = palier_presentation_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-presentation-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierPresentationWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, PalierPresentationWindow, page_label);

  gtk_widget_class_install_action (widget_class, "presentation.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, move_action);
}

static void
palier_presentation_window_init (PalierPresentationWindow *self)
{
  self->kinds = g_array_new (FALSE, FALSE, sizeof (PageKind));
  self->titles = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  add_key_shortcuts (self);
}
