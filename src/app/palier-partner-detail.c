/* palier-partner-detail.c: one partner's periods in a simulation's result
 *
 * A heading with the partner's code, name and segment, its sales, payout
 * and effective rate, and a table of its periods with one column per
 * component.  Every number is the simulation's, and this widget only
 * formats it in the locale.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "palier-partner-detail.h"

/* One row of the period table: a period's position in the partner's
 * periods.  The widget keeps a reference to the result it indexes. */
#define PALIER_TYPE_PERIOD_ITEM (palier_period_item_get_type ())

G_DECLARE_FINAL_TYPE (PalierPeriodItem, palier_period_item, PALIER, PERIOD_ITEM, GObject)

struct _PalierPeriodItem
{
  GObject parent_instance;

  guint index;
};

G_DEFINE_FINAL_TYPE (PalierPeriodItem, palier_period_item, G_TYPE_OBJECT)

static void
palier_period_item_class_init (PalierPeriodItemClass *klass)
{
}

static void
palier_period_item_init (PalierPeriodItem *self)
{
}

struct _PalierPartnerDetail
{
  AdwBin parent_instance;

  PalierResult *result;
  const PalierPartnerResult *partner;   /* in result */
  GListStore *periods;                  /* PalierPeriodItem */
  GPtrArray *component_columns;         /* GtkColumnViewColumn, and Non-cash */

  /* template */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkLabel *sales_label;
  GtkLabel *payout_label;
  GtkLabel *rate_label;
  GtkLabel *non_cash_heading;
  GtkLabel *non_cash_label;
  GtkLabel *rewards_label;
  GtkColumnView *period_table;
  GtkButton *close_button;
};

G_DEFINE_FINAL_TYPE (PalierPartnerDetail, palier_partner_detail, ADW_TYPE_BIN)

enum {
  SIGNAL_CLOSE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Columns of the period table */

typedef enum {
  COLUMN_PERIOD,
  COLUMN_SALES,
  COLUMN_QUOTA,
  COLUMN_ATTAINMENT,
  COLUMN_PAYOUT,
  COLUMN_NON_CASH,
  COLUMN_COMPONENT,
} ColumnKind;

typedef struct {
  PalierPartnerDetail *detail;          /* not owned: the detail owns the column */
  ColumnKind kind;
  guint component;
} ColumnSpec;

static char *
format_cell (const ColumnSpec         *spec,
             const PalierPeriodResult *period)
{
  const char *currency = spec->detail->result->program->currency;

  switch (spec->kind)
    {
    case COLUMN_PERIOD:
      return g_strdup (period->label);

    case COLUMN_SALES:
      return palier_format_money (period->sales, currency);

    case COLUMN_QUOTA:
      if (!period->has_quota)
        return g_strdup ("—");
      return palier_format_money (period->quota, currency);

    case COLUMN_ATTAINMENT:
      if (!period->has_quota)
        return g_strdup ("—");
      return palier_format_percent (period->attainment, 1);

    case COLUMN_PAYOUT:
      return palier_format_money (period->payout, currency);

    case COLUMN_NON_CASH:
      return palier_format_money (period->non_cash, currency);

    case COLUMN_COMPONENT:
      return palier_format_money (period->component_payouts[spec->component], currency);

    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ColumnSpec               *spec)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);
  gboolean numeric = spec->kind != COLUMN_PERIOD;

  /* Wide enough for "$1,234,567.89", as in the partner table. */
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), numeric ? 15 : 7);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), numeric ? 16 : 9);
  if (numeric)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }

  gtk_list_item_set_child (list_item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ColumnSpec               *spec)
{
  PalierPeriodItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *inscription = gtk_list_item_get_child (list_item);
  const PalierPartnerResult *partner = spec->detail->partner;
  g_autofree char *text = NULL;

  if (partner != NULL && item->index < partner->periods->len)
    text = format_cell (spec, &g_array_index (partner->periods, PalierPeriodResult, item->index));

  gtk_inscription_set_text (GTK_INSCRIPTION (inscription), text);
}

/* Appends a column.  The column owns its spec, through its factory. */
static GtkColumnViewColumn *
append_column (PalierPartnerDetail *self,
               const char          *title,
               ColumnKind           kind,
               guint                component)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  ColumnSpec *spec;

  spec = g_new0 (ColumnSpec, 1);
  spec->detail = self;
  spec->kind = kind;
  spec->component = component;
  g_object_set_data_full (G_OBJECT (factory), "palier-column-spec", spec, g_free);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), spec);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), spec);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->period_table, column);

  /* The column view keeps its own reference. */
  g_object_unref (column);
  return column;
}

static void
replace_component_columns (PalierPartnerDetail *self)
{
  for (guint i = 0; i < self->component_columns->len; i++)
    gtk_column_view_remove_column (self->period_table, g_ptr_array_index (self->component_columns, i));
  g_ptr_array_set_size (self->component_columns, 0);

  if (self->result == NULL)
    return;

  for (guint i = 0; i < self->result->n_components; i++)
    {
      const PalierComponent *component = g_ptr_array_index (self->result->program->components, i);

      /* A reward pays no cash: the Non-cash column shows its cost. */
      if (component->kind == PALIER_COMPONENT_REWARD)
        continue;

      g_ptr_array_add (self->component_columns,
                       append_column (self, component->name, COLUMN_COMPONENT, i));
    }

  if (self->result->has_rewards)
    g_ptr_array_add (self->component_columns, append_column (self, _("Non-cash"), COLUMN_NON_CASH, 0));
}

/* The heading */

/* Sales files without partner names get the code as the name: the
 * heading then shows the code once. */
static gboolean
partner_has_name (const PalierPartnerResult *partner)
{
  return partner->name != NULL && partner->name[0] != '\0' &&
         g_strcmp0 (partner->name, partner->partner) != 0;
}

static void
show_heading (PalierPartnerDetail *self)
{
  const PalierPartnerResult *partner = self->partner;
  g_autofree char *subtitle = NULL;

  if (partner_has_name (partner))
    {
      gtk_label_set_text (self->title_label, partner->name);
      if (partner->segment != NULL && partner->segment[0] != '\0')
        /* Translators: under a partner's name in its details: the
         * partner's code, then its segment ("P1 · Gold"). */
        subtitle = g_strdup_printf (_("%s · %s"), partner->partner, partner->segment);
      else
        subtitle = g_strdup (partner->partner);
    }
  else
    {
      gtk_label_set_text (self->title_label, partner->partner);
      subtitle = g_strdup (partner->segment);
    }

  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && subtitle[0] != '\0');
}

/* The payout over the sales, or FALSE without sales. */
static gboolean
effective_rate (const PalierPartnerResult *partner,
                PalierDecimal             *out_rate)
{
  PalierWide rate;

  if (partner->sales == 0)
    return FALSE;

  rate = palier_wide_div_round ((PalierWide) partner->payout * PALIER_DECIMAL_ONE, partner->sales);
  *out_rate = (PalierDecimal) CLAMP (rate, PALIER_DECIMAL_MIN, PALIER_DECIMAL_MAX);
  return TRUE;
}

static const char *
reward_kind_label (PalierRewardKind kind)
{
  switch (kind)
    {
    case PALIER_REWARD_TRIP:
      return _("Trip");
    case PALIER_REWARD_RECOGNITION:
      return _("Recognition");
    case PALIER_REWARD_TRAINING:
      return _("Training");
    case PALIER_REWARD_OTHER:
    default:
      return _("Other");
    }
}

/* The non-cash cost and what the partner won, shown only for programs
 * with a reward. */
static void
show_rewards (PalierPartnerDetail *self)
{
  const PalierPartnerResult *partner = self->partner;
  const char *currency = self->result->program->currency;
  g_autofree char *non_cash = palier_format_money (partner->non_cash, currency);
  g_autoptr(GString) won = g_string_new (NULL);
  gboolean has_rewards = self->result->has_rewards;

  for (guint i = 0; partner->rewards != NULL && i < partner->rewards->len; i++)
    {
      const PalierRewardResult *reward = &g_array_index (partner->rewards, PalierRewardResult, i);
      const PalierComponent *component = palier_program_find_component (self->result->program,
                                                                        reward->component);

      if (won->len > 0)
        /* Translators: separates the rewards a partner won. */
        g_string_append (won, _("; "));
      /* Translators: a reward a partner won: "President's club (Trip),
       * 2024". */
      g_string_append_printf (won, _("%s (%s), %s"),
                              component != NULL ? component->name : reward->component,
                              reward_kind_label (reward->kind), reward->period);
    }

  gtk_label_set_text (self->non_cash_label, non_cash);
  gtk_label_set_text (self->rewards_label, won->str);
  gtk_widget_set_visible (GTK_WIDGET (self->non_cash_heading), has_rewards);
  gtk_widget_set_visible (GTK_WIDGET (self->non_cash_label), has_rewards);
  gtk_widget_set_visible (GTK_WIDGET (self->rewards_label), has_rewards && won->len > 0);
}

static void
show_totals (PalierPartnerDetail *self)
{
  const char *currency = self->result->program->currency;
  g_autofree char *sales = palier_format_money (self->partner->sales, currency);
  g_autofree char *payout = palier_format_money (self->partner->payout, currency);
  g_autofree char *rate_text = NULL;
  PalierDecimal rate;

  if (effective_rate (self->partner, &rate))
    rate_text = palier_format_percent (rate, 2);
  else
    rate_text = g_strdup ("—");

  gtk_label_set_text (self->sales_label, sales);
  gtk_label_set_text (self->payout_label, payout);
  gtk_label_set_text (self->rate_label, rate_text);
  show_rewards (self);
}

/* Fills the table with fresh items, so that every row binds again to
 * the new result. */
static void
show_periods (PalierPartnerDetail *self)
{
  guint n_periods = self->partner != NULL ? self->partner->periods->len : 0;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_periods; i++)
    {
      PalierPeriodItem *item = g_object_new (PALIER_TYPE_PERIOD_ITEM, NULL);

      item->index = i;
      g_ptr_array_add (items, item);
    }

  g_list_store_splice (self->periods, 0, g_list_model_get_n_items (G_LIST_MODEL (self->periods)),
                       items->pdata, items->len);
}

gboolean
palier_partner_detail_show (PalierPartnerDetail *self,
                            PalierResult        *result,
                            const char          *partner)
{
  const PalierPartnerResult *found;

  g_return_val_if_fail (PALIER_IS_PARTNER_DETAIL (self), FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (partner != NULL, FALSE);

  found = palier_result_find_partner (result, partner);
  if (found == NULL)
    {
      palier_partner_detail_clear (self);
      return FALSE;
    }

  palier_result_ref (result);
  g_clear_pointer (&self->result, palier_result_unref);
  self->result = result;
  self->partner = found;

  show_heading (self);
  show_totals (self);
  replace_component_columns (self);
  show_periods (self);
  return TRUE;
}

void
palier_partner_detail_clear (PalierPartnerDetail *self)
{
  g_return_if_fail (PALIER_IS_PARTNER_DETAIL (self));

  self->partner = NULL;
  show_periods (self);
  g_clear_pointer (&self->result, palier_result_unref);
  replace_component_columns (self);
}

const char *
palier_partner_detail_get_partner (PalierPartnerDetail *self)
{
  g_return_val_if_fail (PALIER_IS_PARTNER_DETAIL (self), NULL);

  return self->partner != NULL ? self->partner->partner : NULL;
}

GtkWidget *
palier_partner_detail_new (void)
{
  return g_object_new (PALIER_TYPE_PARTNER_DETAIL, NULL);
}

static void
close_clicked_cb (PalierPartnerDetail *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSE], 0);
}

/* GObject */

static void
palier_partner_detail_dispose (GObject *object)
{
  PalierPartnerDetail *self = PALIER_PARTNER_DETAIL (object);

  /* The cells read the result, so the table goes first. */
  gtk_widget_dispose_template (GTK_WIDGET (self), PALIER_TYPE_PARTNER_DETAIL);

  self->partner = NULL;
  g_clear_pointer (&self->result, palier_result_unref);
  g_clear_pointer (&self->component_columns, g_ptr_array_unref);
  g_clear_object (&self->periods);

  G_OBJECT_CLASS (palier_partner_detail_parent_class)->dispose (object);
}

static void
palier_partner_detail_class_init (PalierPartnerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_partner_detail_dispose;

  /* Emitted when the user asks to close the details. */
  signals[SIGNAL_CLOSE] =
    g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-partner-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, sales_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, payout_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, non_cash_heading);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, non_cash_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, rewards_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, rate_label);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, period_table);
  gtk_widget_class_bind_template_child (widget_class, PalierPartnerDetail, close_button);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
palier_partner_detail_init (PalierPartnerDetail *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->component_columns = g_ptr_array_new ();
  self->periods = g_list_store_new (PALIER_TYPE_PERIOD_ITEM);

  append_column (self, _("Period"), COLUMN_PERIOD, 0);
  append_column (self, _("Sales"), COLUMN_SALES, 0);
  append_column (self, _("Quota"), COLUMN_QUOTA, 0);
  append_column (self, _("Attainment"), COLUMN_ATTAINMENT, 0);
  append_column (self, _("Payout"), COLUMN_PAYOUT, 0);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->periods)));
  gtk_column_view_set_model (self->period_table, GTK_SELECTION_MODEL (selection));
}
