/* palier-range-selector.c: the dates that the window simulates
 *
 * The selector holds no range of its own: it writes the workspace's
 * simulated range and follows its "range-changed" signal, so the
 * Results view, the Compare view and the live simulation always read
 * the same dates.  A custom range is written only once both of its
 * dates are valid and in order.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-range-selector.h"

/* One entry of the drop-down.  "All history" is the open range
 * (PALIER_DATE_NONE at both ends). */
typedef struct {
  PalierDate from;
  PalierDate to;
  gboolean   is_custom;
} RangeChoice;

struct _PalierRangeSelector
{
  AdwBin parent_instance;

  PalierWorkspace *workspace;
  int fiscal_year_start;
  GArray *choices;                      /* RangeChoice, drop-down order */
  gboolean syncing;                     /* the selector itself changes its widgets */
  gboolean applying;                    /* the selector itself changes the range */

  /* template */
  GtkDropDown *drop_down;
  GtkRevealer *custom_revealer;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
};

G_DEFINE_FINAL_TYPE (PalierRangeSelector, palier_range_selector, ADW_TYPE_BIN)

/* Dates in the locale's short form */

/* The order of day, month and year in the locale's short date format
 * (LC_TIME's D_FMT), which is how the user types a date when not in
 * ISO form. */
static PalierDateOrder
locale_date_order (char *out_separator)
{
  const char *format = nl_langinfo (D_FMT);
  const char *day = strstr (format, "%d");
  const char *month = strstr (format, "%m");
  const char *year = strpbrk (format, "yY");

  *out_separator = '/';
  for (const char *p = format; p[0] != '\0' && p[1] != '\0'; p++)
    if (p[0] == '%' && p[2] != '\0' && strchr ("-/.", p[2]) != NULL)
      {
        *out_separator = p[2];
        break;
      }

  if (day == NULL)
    day = strstr (format, "%e");
  if (day == NULL || month == NULL || year == NULL)
    return PALIER_DATE_ORDER_MDY;

  if (year < month && year < day)
    return PALIER_DATE_ORDER_YMD;

  return day < month ? PALIER_DATE_ORDER_DMY : PALIER_DATE_ORDER_MDY;
}

/* "12/31/2017", "31/12/2017" or "2017-12-31": how to type a date in the
 * current locale. */
static char *
locale_date_example (void)
{
  char separator;

  switch (locale_date_order (&separator))
    {
    case PALIER_DATE_ORDER_DMY:
      return g_strdup_printf ("31%c12%c2017", separator, separator);
    case PALIER_DATE_ORDER_YMD:
      return g_strdup_printf ("2017%c12%c31", separator, separator);
    default:
      return g_strdup_printf ("12%c31%c2017", separator, separator);
    }
}

/* Parses an ISO date, or a date in the locale's short form with a
 * four-digit year. */
static gboolean
parse_date (const char *text,
            PalierDate *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  char separator;

  if (palier_date_parse_iso (trimmed, out))
    return TRUE;

  return palier_date_parse_text (trimmed, strlen (trimmed), locale_date_order (&separator),
                                 out, NULL);
}

/* The locale's short date, "%x" in strftime(). */
static char *
format_short_date (PalierDate date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (palier_date_year (date),
                                                   palier_date_month (date),
                                                   palier_date_day (date), 0, 0, 0);

  return g_date_time_format (time, "%x");
}

/* The choices */

static void
add_choice (PalierRangeSelector *self,
            GtkStringList       *labels,
            const char          *label,
            PalierDate           from,
            PalierDate           to,
            gboolean             is_custom)
{
  RangeChoice choice = { from, to, is_custom };

  g_array_append_val (self->choices, choice);
  gtk_string_list_append (labels, label);
}

static void
add_years (PalierRangeSelector *self,
           GtkStringList       *labels,
           PalierDate           first,
           PalierDate           last)
{
  gint32 first_index = palier_period_index (PALIER_PERIOD_YEAR, self->fiscal_year_start, first);
  gint32 last_index = palier_period_index (PALIER_PERIOD_YEAR, self->fiscal_year_start, last);

  /* Newest first: the year just closed is the one most often asked. */
  for (gint32 index = last_index; index >= first_index; index--)
    {
      g_autofree char *label = palier_period_label (PALIER_PERIOD_YEAR, self->fiscal_year_start, index);
      PalierDate year_first;
      PalierDate year_last;

      palier_period_bounds (PALIER_PERIOD_YEAR, self->fiscal_year_start, index,
                            &year_first, &year_last);
      add_choice (self, labels, label, year_first, year_last, FALSE);
    }
}

/* Lists the choices for the workspace's sales as they are now. */
static GtkStringList *
build_choices (PalierRangeSelector *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  PalierDate first = PALIER_DATE_NONE;
  PalierDate last = PALIER_DATE_NONE;
  g_autofree char *all = NULL;

  g_array_set_size (self->choices, 0);
  if (self->workspace == NULL)
    return labels;

  palier_workspace_get_sales_dates (self->workspace, &first, &last);
  if (palier_date_is_valid (first) && palier_date_is_valid (last))
    {
      g_autofree char *first_text = format_short_date (first);
      g_autofree char *last_text = format_short_date (last);

      /* Translators: the first entry of the simulated range: every sale
       * of the workspace, "All history (01/03/2014 – 12/30/2017)". */
      all = g_strdup_printf (_("All history (%s – %s)"), first_text, last_text);
    }
  else
    {
      all = g_strdup (_("All history"));
    }

  add_choice (self, labels, all, PALIER_DATE_NONE, PALIER_DATE_NONE, FALSE);
  if (palier_date_is_valid (first) && palier_date_is_valid (last))
    add_years (self, labels, first, last);
  add_choice (self, labels, _("Custom…"), PALIER_DATE_NONE, PALIER_DATE_NONE, TRUE);

  return labels;
}

static guint
custom_index (PalierRangeSelector *self)
{
  return self->choices->len - 1;
}

/* The entries of a custom range */

static void
set_entry_error (GtkEntry   *entry,
                 const char *message)
{
  GtkWidget *widget = GTK_WIDGET (entry);

  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
}

/* Reads one entry, flagging it when it holds no valid date. */
static gboolean
read_entry (GtkEntry   *entry,
            PalierDate *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *example = NULL;
  g_autofree char *message = NULL;

  if (parse_date (text, out))
    {
      set_entry_error (entry, NULL);
      return TRUE;
    }

  example = locale_date_example ();
  if (text[0] == '\0')
    /* Translators: tooltip of an empty date entry; %s is a date in the
     * locale's short form, "12/31/2017". */
    message = g_strdup_printf (_("Type a date as YYYY-MM-DD or as %s"), example);
  else
    /* Translators: tooltip of a date entry; the first %s is what the
     * user typed, the second a date in the locale's short form. */
    message = g_strdup_printf (_("Invalid date “%s”: type it as YYYY-MM-DD or as %s"),
                               text, example);
  set_entry_error (entry, message);

  return FALSE;
}

static void
fill_entry (GtkEntry   *entry,
            PalierDate  date)
{
  char iso[11] = "";

  if (palier_date_is_valid (date))
    palier_date_format_iso (date, iso);
  gtk_editable_set_text (GTK_EDITABLE (entry), iso);
  set_entry_error (entry, NULL);
}

/* Fills the entries with the range simulated now, whose open ends are
 * the first and the last sale. */
static void
fill_entries (PalierRangeSelector *self)
{
  PalierDate from;
  PalierDate to;
  PalierDate first;
  PalierDate last;

  palier_workspace_get_range (self->workspace, &from, &to);
  palier_workspace_get_sales_dates (self->workspace, &first, &last);

  self->syncing = TRUE;
  fill_entry (self->from_entry, from != PALIER_DATE_NONE ? from : first);
  fill_entry (self->to_entry, to != PALIER_DATE_NONE ? to : last);
  self->syncing = FALSE;
}

static void
entry_changed_cb (PalierRangeSelector *self)
{
  PalierDate from;
  PalierDate to;
  gboolean from_valid;
  gboolean to_valid;

  if (self->syncing || self->workspace == NULL)
    return;

  from_valid = read_entry (self->from_entry, &from);
  to_valid = read_entry (self->to_entry, &to);
  if (!from_valid || !to_valid)
    return;

  if (from > to)
    {
      set_entry_error (self->to_entry, _("The end date is before the start date"));
      return;
    }

  self->applying = TRUE;
  palier_workspace_set_range (self->workspace, from, to);
  self->applying = FALSE;
}

/* Following the workspace */

/* Selects the choice of the workspace's range, or the custom range with
 * its dates when no choice matches. */
static void
sync_selection (PalierRangeSelector *self)
{
  PalierDate from;
  PalierDate to;
  guint selected;

  if (self->workspace == NULL || self->choices->len == 0)
    return;

  palier_workspace_get_range (self->workspace, &from, &to);

  selected = custom_index (self);
  for (guint i = 0; i < self->choices->len; i++)
    {
      const RangeChoice *choice = &g_array_index (self->choices, RangeChoice, i);

      if (!choice->is_custom && choice->from == from && choice->to == to)
        {
          selected = i;
          break;
        }
    }

  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->drop_down, selected);
  self->syncing = FALSE;

  gtk_revealer_set_reveal_child (self->custom_revealer, selected == custom_index (self));
  if (selected == custom_index (self))
    fill_entries (self);
}

static void
range_changed_cb (PalierRangeSelector *self)
{
  /* The custom range that the user is typing stays as typed. */
  if (!self->applying)
    sync_selection (self);
}

static void
rebuild (PalierRangeSelector *self)
{
  g_autoptr(GtkStringList) labels = build_choices (self);

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->drop_down, G_LIST_MODEL (labels));
  self->syncing = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self), self->workspace != NULL);
  if (self->workspace == NULL)
    gtk_revealer_set_reveal_child (self->custom_revealer, FALSE);

  sync_selection (self);
}

static void
selected_changed_cb (PalierRangeSelector *self)
{
  guint selected = gtk_drop_down_get_selected (self->drop_down);
  const RangeChoice *choice;

  if (self->syncing || self->workspace == NULL || selected >= self->choices->len)
    return;

  choice = &g_array_index (self->choices, RangeChoice, selected);
  gtk_revealer_set_reveal_child (self->custom_revealer, choice->is_custom);

  /* A custom range starts from the range simulated now, and changes it
   * once the user edits a date. */
  if (choice->is_custom)
    {
      fill_entries (self);
      return;
    }

  self->applying = TRUE;
  palier_workspace_set_range (self->workspace, choice->from, choice->to);
  self->applying = FALSE;
}

void
palier_range_selector_set_workspace (PalierRangeSelector *self,
                                     PalierWorkspace     *workspace)
{
  g_return_if_fail (PALIER_IS_RANGE_SELECTOR (self));
  g_return_if_fail (workspace == NULL || PALIER_IS_WORKSPACE (workspace));

  if (self->workspace == workspace)
    return;

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_set_object (&self->workspace, workspace);

  if (workspace != NULL)
    {
      g_signal_connect_swapped (workspace, "range-changed", G_CALLBACK (range_changed_cb), self);
      g_signal_connect_swapped (workspace, "sales-changed", G_CALLBACK (rebuild), self);
    }

  rebuild (self);
}

void
palier_range_selector_set_fiscal_year_start (PalierRangeSelector *self,
                                             int                  month)
{
  g_return_if_fail (PALIER_IS_RANGE_SELECTOR (self));
  g_return_if_fail (month >= 1 && month <= 12);

  if (self->fiscal_year_start == month)
    return;

  self->fiscal_year_start = month;
  rebuild (self);
}

GtkDropDown *
palier_range_selector_get_drop_down (PalierRangeSelector *self)
{
  g_return_val_if_fail (PALIER_IS_RANGE_SELECTOR (self), NULL);

  return self->drop_down;
}

GtkEditable *
palier_range_selector_get_from_entry (PalierRangeSelector *self)
{
  g_return_val_if_fail (PALIER_IS_RANGE_SELECTOR (self), NULL);

  return GTK_EDITABLE (self->from_entry);
}

GtkEditable *
palier_range_selector_get_to_entry (PalierRangeSelector *self)
{
  g_return_val_if_fail (PALIER_IS_RANGE_SELECTOR (self), NULL);

  return GTK_EDITABLE (self->to_entry);
}

/* GObject */

static void
palier_range_selector_dispose (GObject *object)
{
  PalierRangeSelector *self = PALIER_RANGE_SELECTOR (object);

  if (self->workspace != NULL)
    g_signal_handlers_disconnect_by_data (self->workspace, self);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (palier_range_selector_parent_class)->dispose (object);
}

static void
palier_range_selector_finalize (GObject *object)
{
  PalierRangeSelector *self = PALIER_RANGE_SELECTOR (object);

  g_clear_pointer (&self->choices, g_array_unref);

  G_OBJECT_CLASS (palier_range_selector_parent_class)->finalize (object);
}

static void
palier_range_selector_class_init (PalierRangeSelectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_range_selector_dispose;
  object_class->finalize = palier_range_selector_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-range-selector.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierRangeSelector, drop_down);
  gtk_widget_class_bind_template_child (widget_class, PalierRangeSelector, custom_revealer);
  gtk_widget_class_bind_template_child (widget_class, PalierRangeSelector, from_entry);
  gtk_widget_class_bind_template_child (widget_class, PalierRangeSelector, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
palier_range_selector_init (PalierRangeSelector *self)
{
  g_autofree char *example = NULL;
  g_autofree char *placeholder = NULL;

  self->fiscal_year_start = 1;
  self->choices = g_array_new (FALSE, FALSE, sizeof (RangeChoice));

  gtk_widget_init_template (GTK_WIDGET (self));

  example = locale_date_example ();
  /* Translators: placeholder of the custom range's date entries; %s is
   * a date in the locale's short form, "12/31/2017". */
  placeholder = g_strdup_printf (_("YYYY-MM-DD or %s"), example);
  gtk_entry_set_placeholder_text (self->from_entry, placeholder);
  gtk_entry_set_placeholder_text (self->to_entry, placeholder);

  rebuild (self);
}
