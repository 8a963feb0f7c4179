/* palier-designer-view-component.c: the components of the program
 *
 * The list of components and the settings of the selected one.  Its
 * tier table and payout curve are in palier-designer-view-table.c.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-designer-view-private.h"
#include "palier-format.h"
#include "palier-number-input.h"
#include "palier-program-edits.h"

#define INDEX_KEY "palier-index"

const PalierComponent *
_palier_designer_view_get_component (PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);

  if (draft == NULL || self->component >= draft->components->len)
    return NULL;

  return g_ptr_array_index (draft->components, self->component);
}

/* Descriptions */

static const char *
component_kind_label (PalierComponentKind kind)
{
  switch (kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      return _("Commission");
    case PALIER_COMPONENT_BONUS:
      return _("Bonus");
    case PALIER_COMPONENT_DEAL_BONUS:
      return _("Deal bonus");
    case PALIER_COMPONENT_REWARD:
    default:
      return _("Reward");
    }
}

static const char *
measure_label (PalierMeasure measure)
{
  switch (measure)
    {
    case PALIER_MEASURE_REVENUE:
      return _("revenue");
    case PALIER_MEASURE_MARGIN:
      return _("margin");
    case PALIER_MEASURE_UNITS:
    default:
      return _("units");
    }
}

static const char *
method_label (PalierMethod method)
{
  switch (method)
    {
    case PALIER_METHOD_MARGINAL:
      return _("marginal tiers");
    case PALIER_METHOD_RETROACTIVE:
      return _("retroactive tiers");
    case PALIER_METHOD_INTERPOLATED:
    default:
      return _("interpolated tiers");
    }
}

static const char *
reward_kind_label (PalierRewardKind kind)
{
  switch (kind)
    {
    case PALIER_REWARD_TRIP:
      return _("trip");
    case PALIER_REWARD_RECOGNITION:
      return _("recognition");
    case PALIER_REWARD_TRAINING:
      return _("training");
    case PALIER_REWARD_OTHER:
    default:
      return _("other");
    }
}

static const char *
period_adverb (PalierPeriodKind period)
{
  switch (period)
    {
    case PALIER_PERIOD_MONTH:
      return C_("component period", "monthly");
    case PALIER_PERIOD_QUARTER:
      return C_("component period", "quarterly");
    case PALIER_PERIOD_HALF:
      return C_("component period", "half-yearly");
    case PALIER_PERIOD_YEAR:
    default:
      return C_("component period", "yearly");
    }
}

/* The parts that only deal bonuses and rewards have: "deals of at
 * least $5,000.00", "trip", "top 3". */
static void
describe_v2_parts (const PalierProgram   *program,
                   const PalierComponent *component,
                   GPtrArray             *parts)
{
  g_autofree char *value = NULL;

  if (component->kind == PALIER_COMPONENT_DEAL_BONUS)
    {
      value = component->measure == PALIER_MEASURE_UNITS
        ? palier_format_quantity (component->deal_min)
        : palier_format_money (component->deal_min, program->currency);
      /* Translators: part of a deal bonus's description. */
      g_ptr_array_add (parts, g_strdup_printf (_("deals of at least %s"), value));
    }

  if (component->kind == PALIER_COMPONENT_REWARD)
    {
      g_ptr_array_add (parts, g_strdup (reward_kind_label (component->reward_kind)));
      if (component->reward_rule == PALIER_REWARD_RULE_TOP)
        /* Translators: part of a reward's description: "top 3". */
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "top %u", "top %u",
                                                              component->top_count),
                                                 component->top_count));
      else
        g_ptr_array_add (parts, g_strdup (_("threshold")));
    }

  if (component->has_period)
    g_ptr_array_add (parts, g_strdup (period_adverb (component->period)));
}

/* One line that distinguishes the component from its siblings:
 * "Commission on revenue · attainment · marginal tiers · capped". */
static char *
describe_component (const PalierProgram   *program,
                    const PalierComponent *component)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  /* Translators: "Commission on revenue", "Bonus on margin". */
  g_ptr_array_add (parts, g_strdup_printf (_("%s on %s"),
                                           component_kind_label (component->kind),
                                           measure_label (component->measure)));

  if (component->kind == PALIER_COMPONENT_COMMISSION ||
      component->kind == PALIER_COMPONENT_BONUS)
    g_ptr_array_add (parts, g_strdup (component->basis == PALIER_BASIS_ATTAINMENT
                                      ? _("attainment") : _("amount")));

  if (component->kind == PALIER_COMPONENT_COMMISSION)
    g_ptr_array_add (parts, g_strdup (method_label (component->method)));

  if (component->has_gate)
    g_ptr_array_add (parts, g_strdup (_("gated")));
  if (component->has_cap)
    g_ptr_array_add (parts, g_strdup (_("capped")));
  if (!palier_filter_is_empty (&component->filter))
    g_ptr_array_add (parts, g_strdup (_("filtered")));
  describe_v2_parts (program, component, parts);

  g_ptr_array_add (parts, NULL);

  /* Translators: separates the parts of a component's description. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* The component list */

static guint
widget_index (gpointer widget)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), INDEX_KEY));
}

static void
move_component (PalierDesignerView *self,
                guint               index,
                int                 offset)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autofree char *summary = NULL;
  PalierProgram *changed;

  if (draft == NULL || index >= draft->components->len)
    return;

  changed = palier_edit_move_component (draft, index, offset, &summary);
  if (changed != NULL)
    self->component = index + offset;
  _palier_designer_view_edit (self, changed, &summary);
}

static void
move_up_clicked_cb (GtkButton          *button,
                    PalierDesignerView *self)
{
  move_component (self, widget_index (button), -1);
}

static void
move_down_clicked_cb (GtkButton          *button,
                      PalierDesignerView *self)
{
  move_component (self, widget_index (button), 1);
}

static void
remove_component_clicked_cb (GtkButton          *button,
                             PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  guint index = widget_index (button);
  g_autofree char *summary = NULL;
  PalierProgram *changed;

  if (draft == NULL || index >= draft->components->len)
    return;

  changed = palier_edit_remove_component (draft, index, &summary);
  if (self->component > 0 && self->component >= index)
    self->component--;
  _palier_designer_view_edit (self, changed, &summary);
}

static GtkWidget *
row_button_new (const char *icon_name,
                const char *tooltip,
                guint       index,
                gboolean    sensitive,
                GCallback   callback,
                gpointer    user_data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* An icon button has no text: screen readers and AT-SPI tests read
   * the accessible label. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_sensitive (button, sensitive);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), INDEX_KEY, GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", callback, user_data);

  return button;
}

static GtkWidget *
component_row_new (PalierDesignerView    *self,
                   const PalierProgram   *program,
                   const PalierComponent *component,
                   guint                  index,
                   guint                  n_components)
{
  g_autofree char *description = describe_component (program, component);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), component->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), INDEX_KEY, GUINT_TO_POINTER (index));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button_new ("go-up-symbolic", _("Move Up"), index, index > 0,
                                             G_CALLBACK (move_up_clicked_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button_new ("go-down-symbolic", _("Move Down"), index,
                                             index + 1 < n_components,
                                             G_CALLBACK (move_down_clicked_cb), self));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button_new ("user-trash-symbolic", _("Remove Component"), index, TRUE,
                                             G_CALLBACK (remove_component_clicked_cb), self));

  return row;
}

static void
fill_component_list (PalierDesignerView  *self,
                     const PalierProgram *draft)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->component_list))) != NULL)
    gtk_list_box_remove (self->component_list, child);

  for (guint i = 0; i < draft->components->len; i++)
    gtk_list_box_append (self->component_list,
                         component_row_new (self, draft, g_ptr_array_index (draft->components, i),
                                            i, draft->components->len));

  if (self->component >= draft->components->len)
    self->component = draft->components->len > 0 ? draft->components->len - 1 : G_MAXUINT;

  if (self->component != G_MAXUINT)
    gtk_list_box_select_row (self->component_list,
                             gtk_list_box_get_row_at_index (self->component_list, self->component));
}

/* Component settings */

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  _palier_designer_view_flag (GTK_WIDGET (row), NULL);
}

static char *
format_basis_value (const PalierComponent *component,
                    PalierDecimal          value)
{
  if (component->basis == PALIER_BASIS_ATTAINMENT)
    return palier_format_rate (value);

  return palier_input_format_number (value);
}

static char *
join_values (const GPtrArray *values)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, g_ptr_array_index (values, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
set_date_text (AdwEntryRow *row,
               PalierDate   date)
{
  char buf[16] = "";

  if (date != PALIER_DATE_NONE)
    palier_date_format_iso (date, buf);
  set_row_text (row, buf);
}

static GMenuModel *
filter_values_menu (GPtrArray         *values,
                    PalierFilterField  field)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      const char *value = g_ptr_array_index (values, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (value, NULL);

      g_menu_item_set_action_and_target_value (item, "designer.add-filter-value",
                                               g_variant_new ("(is)", (int) field, value));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static void
show_limit (GtkSwitch             *toggle,
            GtkEntry              *entry,
            gboolean               active,
            char                  *text)
{
  g_autofree char *owned = text;

  gtk_switch_set_active (toggle, active);
  gtk_widget_set_sensitive (GTK_WIDGET (entry), active);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), owned) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), owned);
  _palier_designer_view_flag (GTK_WIDGET (entry), NULL);
}

static void
show_settings (PalierDesignerView    *self,
               const PalierComponent *component)
{
  const PalierFilter *filter = &component->filter;
  gboolean tiered = component->kind == PALIER_COMPONENT_COMMISSION ||
                    component->kind == PALIER_COMPONENT_BONUS;
  g_autoptr(GMenuModel) regions = filter_values_menu (self->regions, PALIER_FILTER_REGION);
  g_autoptr(GMenuModel) segments = filter_values_menu (self->segments, PALIER_FILTER_SEGMENT);
  g_autoptr(GMenuModel) categories_menu = filter_values_menu (self->categories, PALIER_FILTER_CATEGORY);
  g_autoptr(GMenuModel) products_menu = filter_values_menu (self->products, PALIER_FILTER_PRODUCT);
  g_autofree char *categories = join_values (filter->values[PALIER_FILTER_CATEGORY]);
  g_autofree char *products = join_values (filter->values[PALIER_FILTER_PRODUCT]);
  g_autofree char *region_text = join_values (filter->values[PALIER_FILTER_REGION]);
  g_autofree char *segment_text = join_values (filter->values[PALIER_FILTER_SEGMENT]);

  set_row_text (self->component_name_row, component->name);
  set_row_text (self->component_id_row, component->id);
  adw_combo_row_set_selected (self->measure_row, component->measure);
  adw_combo_row_set_selected (self->basis_row, component->basis);
  adw_combo_row_set_selected (self->method_row, component->method);

  gtk_widget_set_visible (GTK_WIDGET (self->basis_row), tiered);
  gtk_widget_set_visible (GTK_WIDGET (self->method_row), component->kind == PALIER_COMPONENT_COMMISSION);
  gtk_widget_set_visible (GTK_WIDGET (self->gate_row), tiered);
  gtk_widget_set_visible (GTK_WIDGET (self->cap_row), tiered);

  show_limit (self->gate_switch, self->gate_entry, component->has_gate,
              component->has_gate ? format_basis_value (component, component->gate) : g_strdup (""));
  show_limit (self->cap_switch, self->cap_entry, component->has_cap,
              component->has_cap ? palier_input_format_number (component->cap) : g_strdup (""));

  set_row_text (self->category_row, categories);
  set_row_text (self->product_row, products);
  set_row_text (self->region_row, region_text);
  set_row_text (self->segment_row, segment_text);
  set_date_text (self->start_row, filter->start);
  set_date_text (self->end_row, filter->end);
  gtk_menu_button_set_menu_model (self->category_menu_button, categories_menu);
  gtk_menu_button_set_menu_model (self->product_menu_button, products_menu);
  gtk_widget_set_visible (GTK_WIDGET (self->category_menu_button), g_menu_model_get_n_items (categories_menu) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->product_menu_button), g_menu_model_get_n_items (products_menu) > 0);
  gtk_menu_button_set_menu_model (self->region_menu_button, regions);
  gtk_menu_button_set_menu_model (self->segment_menu_button, segments);
  gtk_widget_set_visible (GTK_WIDGET (self->region_menu_button), g_menu_model_get_n_items (regions) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->segment_menu_button), g_menu_model_get_n_items (segments) > 0);
}

/* Shows, above the component's settings, why the component alone makes
 * the draft invalid.  The problem also shows at the top of the page,
 * which is scrolled out of view while the component is edited.  A
 * problem of the program's own settings stays at the top only. */
static void
show_component_problem (PalierDesignerView *self,
                        PalierProgram      *draft)
{
  g_autoptr(PalierProgram) alone = palier_program_copy (draft);
  g_autoptr(GError) problem = NULL;
  g_autoptr(GError) program_problem = NULL;
  guint n = alone->components->len;
  gboolean shown;

  g_ptr_array_remove_range (alone->components, self->component + 1, n - self->component - 1);
  g_ptr_array_remove_range (alone->components, 0, self->component);
  palier_program_check (alone, &problem);

  g_ptr_array_set_size (alone->components, 0);
  palier_program_check (alone, &program_problem);

  shown = problem != NULL && program_problem == NULL;
  gtk_label_set_text (self->component_problem_label, shown ? problem->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->component_problem_label), shown);
}

static void
show_component (PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const PalierComponent *component = _palier_designer_view_get_component (self);
  gboolean tiered;
  gboolean was_updating = self->updating;

  gtk_widget_set_visible (GTK_WIDGET (self->settings_group), component != NULL);
  if (component == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->component_problem_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->component_group), FALSE);
      palier_curve_editor_set_component (self->curve_editor, NULL, 0);
      g_list_store_remove_all (self->tier_items);
      _palier_designer_view_show_kinds (self, draft, NULL);
      return;
    }

  tiered = component->kind == PALIER_COMPONENT_COMMISSION ||
           component->kind == PALIER_COMPONENT_BONUS;
  gtk_widget_set_visible (GTK_WIDGET (self->component_group), tiered);

  self->updating = TRUE;
  if (tiered)
    _palier_designer_view_show_table (self, draft, component);
  show_settings (self, component);
  _palier_designer_view_show_kinds (self, draft, component);
  self->updating = was_updating;
  show_component_problem (self, draft);

  palier_curve_editor_set_component (self->curve_editor, draft, self->component);
}

static void
component_list_row_selected_cb (PalierDesignerView *self,
                                GtkListBoxRow      *row,
                                GtkListBox         *list)
{
  if (self->updating || row == NULL)
    return;

  self->component = widget_index (row);
  show_component (self);
}

void
_palier_designer_view_show_components (PalierDesignerView *self)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);

  if (draft == NULL)
    return;

  if (self->component == G_MAXUINT)
    self->component = 0;

  fill_component_list (self, draft);
  show_component (self);
}

/* Editing settings */

static void
edit_component (PalierDesignerView *self,
                PalierComponent    *changed)
{
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autofree char *summary = NULL;

  _palier_designer_view_edit (self, palier_edit_component (draft, self->component, changed, &summary),
                              &summary);
}

/* Replaces the values of @field with the comma-separated ones in @text. */
static void
set_filter_values (PalierFilter      *filter,
                   PalierFilterField  field,
                   const char        *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  g_clear_pointer (&filter->values[field], g_ptr_array_unref);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        palier_filter_add_value (filter, field, parts[i]);
    }
}

/* Reads an optional ISO date.  Returns FALSE, flagging @row, when the
 * text is not one. */
static gboolean
read_date (AdwEntryRow *row,
           PalierDate  *out_date)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  *out_date = PALIER_DATE_NONE;
  if (text[0] == '\0' || palier_date_parse_iso (text, out_date))
    return TRUE;

  _palier_designer_view_flag (GTK_WIDGET (row), _("Type a date as YYYY-MM-DD, such as 2024-01-31, or leave it empty"));
  return FALSE;
}

static void
component_entry_apply_cb (PalierDesignerView *self,
                          AdwEntryRow        *row)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autoptr(PalierComponent) changed = NULL;

  if (component == NULL || self->updating)
    return;

  changed = palier_component_copy (component);
  if (row == self->component_name_row)
    {
      g_free (changed->name);
      changed->name = g_strstrip (g_strdup (text));
    }
  else if (row == self->component_id_row)
    {
      g_free (changed->id);
      changed->id = g_strstrip (g_strdup (text));
    }
  else if (row == self->category_row)
    set_filter_values (&changed->filter, PALIER_FILTER_CATEGORY, text);
  else if (row == self->product_row)
    set_filter_values (&changed->filter, PALIER_FILTER_PRODUCT, text);
  else if (row == self->region_row)
    set_filter_values (&changed->filter, PALIER_FILTER_REGION, text);
  else if (row == self->segment_row)
    set_filter_values (&changed->filter, PALIER_FILTER_SEGMENT, text);
  else if (row == self->start_row && !read_date (row, &changed->filter.start))
    return;
  else if (row == self->end_row && !read_date (row, &changed->filter.end))
    return;

  edit_component (self, g_steal_pointer (&changed));
}

/* @value in the other basis: a fraction of @quota becomes an amount and
 * back, rounded to six decimals. */
static PalierDecimal
convert_boundary (PalierDecimal value,
                  PalierDecimal quota,
                  PalierBasis   to)
{
  PalierDecimal converted = value;

  if (to == PALIER_BASIS_AMOUNT)
    palier_wide_round (palier_decimal_mul_wide (value, quota), 12, 6, &converted);
  else
    converted = (PalierDecimal) palier_wide_div_round ((PalierWide) value * PALIER_DECIMAL_ONE, quota);

  return converted;
}

/* Keeps the tiers where they were when the basis changes, through the
 * program's default quota. */
static void
convert_basis (PalierComponent *component,
               PalierDecimal    quota,
               PalierBasis      to)
{
  for (guint row = 0; row < palier_component_n_rows (component); row++)
    {
      if (component->kind == PALIER_COMPONENT_COMMISSION)
        {
          PalierTier *tier = &g_array_index (component->tiers, PalierTier, row);

          tier->from = convert_boundary (tier->from, quota, to);
        }
      else
        {
          PalierLevel *level = &g_array_index (component->levels, PalierLevel, row);

          level->min = convert_boundary (level->min, quota, to);
        }
    }

  if (component->has_gate)
    component->gate = convert_boundary (component->gate, quota, to);
  component->basis = to;
}

/* Units are paid per unit and money at a rate: tiers follow the
 * measure, keeping their values for the user to adjust. */
static void
convert_tier_kinds (PalierComponent *component)
{
  PalierTierKind kind = component->measure == PALIER_MEASURE_UNITS ? PALIER_TIER_PER_UNIT
                                                                   : PALIER_TIER_RATE;

  if (component->kind != PALIER_COMPONENT_COMMISSION || component->method == PALIER_METHOD_INTERPOLATED)
    return;

  for (guint row = 0; row < component->tiers->len; row++)
    g_array_index (component->tiers, PalierTier, row).kind = kind;
}

static void
component_combo_changed_cb (PalierDesignerView *self)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  g_autoptr(PalierComponent) changed = NULL;
  PalierBasis basis;

  if (component == NULL || self->updating)
    return;

  changed = palier_component_copy (component);
  changed->measure = adw_combo_row_get_selected (self->measure_row);
  changed->method = adw_combo_row_get_selected (self->method_row);
  if (changed->measure != component->measure)
    convert_tier_kinds (changed);

  basis = adw_combo_row_get_selected (self->basis_row);
  if (basis != component->basis && draft->has_quota && draft->quota > 0)
    convert_basis (changed, draft->quota, basis);
  else
    changed->basis = basis;

  edit_component (self, g_steal_pointer (&changed));
}

static gboolean
read_limit (PalierDesignerView    *self,
            const PalierComponent *component,
            GtkEntry              *entry,
            gboolean               is_gate,
            PalierDecimal         *out_value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (is_gate && component->basis == PALIER_BASIS_ATTAINMENT)
    ok = palier_input_parse_percent (text, out_value, &error);
  else
    ok = palier_input_parse_number (text, out_value, &error);

  _palier_designer_view_flag (GTK_WIDGET (entry), ok ? NULL : error->message);
  return ok;
}

static void
edit_limit (PalierDesignerView *self,
            gboolean            is_gate,
            gboolean            active)
{
  const PalierComponent *component = _palier_designer_view_get_component (self);
  GtkEntry *entry = is_gate ? self->gate_entry : self->cap_entry;
  g_autoptr(PalierComponent) changed = NULL;
  PalierDecimal value = 0;

  if (component == NULL || self->updating)
    return;

  changed = palier_component_copy (component);
  if (active && !read_limit (self, component, entry, is_gate, &value))
    {
      /* A switch turned on before a value was typed starts from a
       * round default. */
      if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
        return;
      value = is_gate && component->basis == PALIER_BASIS_ATTAINMENT ? PALIER_DECIMAL_ONE / 2
                                                                    : 1000 * PALIER_DECIMAL_ONE;
      _palier_designer_view_flag (GTK_WIDGET (entry), NULL);
    }

  if (is_gate)
    {
      changed->has_gate = active;
      changed->gate = active ? value : 0;
    }
  else
    {
      changed->has_cap = active;
      changed->cap = active ? value : 0;
    }

  edit_component (self, g_steal_pointer (&changed));
}

static void
component_limit_switched_cb (PalierDesignerView *self,
                             GParamSpec         *pspec,
                             GtkSwitch          *toggle)
{
  edit_limit (self, toggle == self->gate_switch, gtk_switch_get_active (toggle));
}

static void
component_limit_activate_cb (PalierDesignerView *self,
                             GtkEntry           *entry)
{
  edit_limit (self, entry == self->gate_entry, TRUE);
}

static void
add_filter_value_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  const PalierComponent *component = _palier_designer_view_get_component (self);
  g_autoptr(PalierComponent) changed = NULL;
  const char *value;
  int field;

  if (component == NULL)
    return;

  g_variant_get (parameter, "(i&s)", &field, &value);
  if (field < 0 || field >= PALIER_N_FILTER_FIELDS)
    return;

  changed = palier_component_copy (component);
  palier_filter_add_value (&changed->filter, field, value);
  edit_component (self, g_steal_pointer (&changed));
  adw_expander_row_set_expanded (self->filter_row, TRUE);
}

static void
add_component_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PalierDesignerView *self = PALIER_DESIGNER_VIEW (widget);
  PalierProgram *draft = _palier_designer_view_get_draft (self);
  const char *kind = g_variant_get_string (parameter, NULL);
  g_autofree char *summary = NULL;
  PalierProgram *changed;

  if (draft == NULL)
    return;

  if (g_str_equal (kind, "bonus"))
    changed = palier_edit_add_component (draft, PALIER_COMPONENT_BONUS, &summary);
  else if (g_str_equal (kind, "deal-bonus"))
    changed = palier_edit_add_component (draft, PALIER_COMPONENT_DEAL_BONUS, &summary);
  else if (g_str_equal (kind, "reward"))
    changed = palier_edit_add_component (draft, PALIER_COMPONENT_REWARD, &summary);
  else
    changed = palier_edit_add_component (draft, PALIER_COMPONENT_COMMISSION, &summary);
  self->component = draft->components->len;
  _palier_designer_view_edit (self, changed, &summary);
}

/* Setup */

void
_palier_designer_view_class_init_components (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_list);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_group);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, settings_group);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_name_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_id_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, component_problem_label);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, measure_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, basis_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, method_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, gate_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, gate_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, gate_switch);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, cap_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, cap_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, cap_switch);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, filter_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, category_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, product_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, region_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, segment_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, start_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, end_row);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, region_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, segment_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, category_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PalierDesignerView, product_menu_button);

  gtk_widget_class_bind_template_callback (widget_class, component_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, component_entry_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, component_combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, component_limit_switched_cb);
  gtk_widget_class_bind_template_callback (widget_class, component_limit_activate_cb);

  gtk_widget_class_install_action (widget_class, "designer.add-component", "s", add_component_action);
  gtk_widget_class_install_action (widget_class, "designer.add-filter-value", "(is)", add_filter_value_action);
}
