/* palier-scenario-dialog.c: creates or edits one scenario
 *
 * The dialog edits the scenario's name, program, sales window and
 * assumptions.  The window offers the same choices as the Results
 * view's range selector: all history, each calendar year of the sales,
 * each fiscal year of the program when its year does not start in
 * January, and a custom range.  Growths are typed as percentages in the
 * locale's form, and nothing is stored until every field reads back
 * without error.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <langinfo.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-number-input.h"
#include "palier-scenario-dialog.h"

typedef enum {
  LIST_SEGMENT,                         /* = PALIER_GROWTH_SEGMENT */
  LIST_CATEGORY,
  LIST_REGION,
  LIST_REMOVED,
  LIST_ADDED,
  N_LISTS,
} ListKind;

/* One entry of the window drop-down.  "All history" is open at both
 * ends. */
typedef struct {
  PalierDate from;
  PalierDate to;
  gboolean   is_custom;
} WindowChoice;

struct _PalierScenarioDialog
{
  AdwWindow parent_instance;

  PalierWorkspace *workspace;
  PalierScenario *scenario;             /* the scenario edited, or NULL */
  GPtrArray *program_ids;               /* char *, program_row order */
  GArray *window_choices;               /* WindowChoice, window_row order */
  GPtrArray *rows[N_LISTS];             /* GtkWidget * (GtkBox), display order */

  /* template */
  AdwToastOverlay *toast_overlay;
  AdwEntryRow *name_row;
  AdwComboRow *program_row;
  AdwComboRow *window_row;
  AdwEntryRow *from_row;
  AdwEntryRow *to_row;
  AdwEntryRow *growth_row;
  AdwPreferencesGroup *groups[N_LISTS];
  GtkButton *add_buttons[N_LISTS];
};

G_DEFINE_FINAL_TYPE (PalierScenarioDialog, palier_scenario_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Dates typed in the locale's short form */

static PalierDateOrder
locale_date_order (void)
{
  const char *format = nl_langinfo (D_FMT);
  const char *day = strstr (format, "%d");
  const char *month = strstr (format, "%m");
  const char *year = strpbrk (format, "yY");

  if (day == NULL)
    day = strstr (format, "%e");
  if (day == NULL || month == NULL || year == NULL)
    return PALIER_DATE_ORDER_MDY;
  if (year < month && year < day)
    return PALIER_DATE_ORDER_YMD;

  return day < month ? PALIER_DATE_ORDER_DMY : PALIER_DATE_ORDER_MDY;
}

static gboolean
parse_date (const char *text,
            PalierDate *out)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (palier_date_parse_iso (trimmed, out))
    return TRUE;

  return palier_date_parse_text (trimmed, strlen (trimmed), locale_date_order (), out, NULL);
}

static char *
format_short_date (PalierDate date)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (palier_date_year (date),
                                                   palier_date_month (date),
                                                   palier_date_day (date), 0, 0, 0);

  return g_date_time_format (time, "%x");
}

/* Percentages */

/* "8" for a growth of 0.08: what the user types back. */
static char *
format_percent_input (PalierDecimal fraction)
{
  return palier_input_format_number (fraction * 100);
}

/* Parses a growth typed as a percentage.  An empty text is no growth. */
static gboolean
parse_growth (const char     *field,
              const char     *text,
              PalierDecimal  *out,
              GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autoptr(GError) parse_error = NULL;

  *out = 0;
  if (trimmed[0] == '\0')
    return TRUE;

  if (!palier_input_parse_percent (trimmed, out, &parse_error))
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   /* Translators: "Overall growth: invalid percentage “8,x”: …" */
                   _("%s: invalid percentage “%s”: %s"), field, trimmed, parse_error->message);
      return FALSE;
    }

  if (*out < -PALIER_DECIMAL_ONE)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("%s: the growth “%s” is below -100, which would make sales negative; type -100 or more"),
                   field, trimmed);
      return FALSE;
    }

  return TRUE;
}

/* The window choices */

static void
add_window_choice (PalierScenarioDialog *self,
                   GtkStringList        *labels,
                   const char           *label,
                   PalierDate            from,
                   PalierDate            to,
                   gboolean              is_custom)
{
  WindowChoice choice = { from, to, is_custom };

  g_array_append_val (self->window_choices, choice);
  gtk_string_list_append (labels, label);
}

static void
add_years (PalierScenarioDialog *self,
           GtkStringList        *labels,
           int                   fiscal_year_start,
           PalierDate            first,
           PalierDate            last)
{
  gint32 first_index = palier_period_index (PALIER_PERIOD_YEAR, fiscal_year_start, first);
  gint32 last_index = palier_period_index (PALIER_PERIOD_YEAR, fiscal_year_start, last);

  /* Newest first, as in the range selector. */
  for (gint32 index = last_index; index >= first_index; index--)
    {
      g_autofree char *label = palier_period_label (PALIER_PERIOD_YEAR, fiscal_year_start, index);
      PalierDate year_first;
      PalierDate year_last;

      palier_period_bounds (PALIER_PERIOD_YEAR, fiscal_year_start, index, &year_first, &year_last);
      add_window_choice (self, labels, label, year_first, year_last, FALSE);
    }
}

static int
selected_fiscal_year_start (PalierScenarioDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->program_row);
  g_autoptr(PalierProgram) program = NULL;

  if (self->program_ids == NULL || selected >= self->program_ids->len)
    return 1;

  program = palier_store_load_program (palier_workspace_get_store (self->workspace),
                                       g_ptr_array_index (self->program_ids, selected), NULL);

  return program != NULL ? program->fiscal_year_start : 1;
}

static guint
find_window_choice (PalierScenarioDialog *self,
                    PalierDate            from,
                    PalierDate            to)
{
  for (guint i = 0; i < self->window_choices->len; i++)
    {
      WindowChoice *choice = &g_array_index (self->window_choices, WindowChoice, i);

      if (!choice->is_custom && choice->from == from && choice->to == to)
        return i;
    }

  return self->window_choices->len - 1;
}

static void
set_date_entry (AdwEntryRow *row,
                PalierDate   date)
{
  g_autofree char *text = palier_date_is_valid (date) ? format_short_date (date) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
update_custom_rows (PalierScenarioDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->window_row);
  gboolean custom = FALSE;

  if (selected < self->window_choices->len)
    custom = g_array_index (self->window_choices, WindowChoice, selected).is_custom;

  gtk_widget_set_visible (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row), custom);
}

/* Lists the windows for the selected program, keeping the dates chosen
 * so far: a fiscal year that no longer fits becomes a custom range. */
static void
fill_windows (PalierScenarioDialog *self,
              PalierDate            from,
              PalierDate            to)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  PalierDate first = PALIER_DATE_NONE;
  PalierDate last = PALIER_DATE_NONE;
  int fiscal_year_start = selected_fiscal_year_start (self);
  gboolean has_sales;
  guint selected;

  g_array_set_size (self->window_choices, 0);
  palier_workspace_get_sales_dates (self->workspace, &first, &last);
  has_sales = palier_date_is_valid (first) && palier_date_is_valid (last);

  add_window_choice (self, labels, _("All history"), PALIER_DATE_NONE, PALIER_DATE_NONE, FALSE);
  if (has_sales)
    {
      add_years (self, labels, 1, first, last);
      if (fiscal_year_start != 1)
        add_years (self, labels, fiscal_year_start, first, last);
    }
  add_window_choice (self, labels, _("Custom…"), PALIER_DATE_NONE, PALIER_DATE_NONE, TRUE);

  selected = find_window_choice (self, from, to);
  adw_combo_row_set_model (self->window_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->window_row, selected);
  if (g_array_index (self->window_choices, WindowChoice, selected).is_custom)
    {
      set_date_entry (self->from_row, from);
      set_date_entry (self->to_row, to);
    }
  update_custom_rows (self);
}

static gboolean
read_window (PalierScenarioDialog  *self,
             PalierDate            *out_from,
             PalierDate            *out_to,
             GError               **error)
{
  guint selected = adw_combo_row_get_selected (self->window_row);
  const WindowChoice *choice;
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_row));

  g_return_val_if_fail (selected < self->window_choices->len, FALSE);

  choice = &g_array_index (self->window_choices, WindowChoice, selected);
  if (!choice->is_custom)
    {
      *out_from = choice->from;
      *out_to = choice->to;
      return TRUE;
    }

  if (!parse_date (from_text, out_from))
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("From: invalid date “%s”; type it as %s or as 2017-01-31"),
                   from_text, nl_langinfo (D_FMT));
      return FALSE;
    }
  if (!parse_date (to_text, out_to))
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("To: invalid date “%s”; type it as %s or as 2017-12-31"),
                   to_text, nl_langinfo (D_FMT));
      return FALSE;
    }
  if (*out_from > *out_to)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("The window starts on “%s”, after its end “%s”; swap the dates"),
                   from_text, to_text);
      return FALSE;
    }

  return TRUE;
}

static void
program_changed_cb (PalierScenarioDialog *self)
{
  PalierDate from = PALIER_DATE_NONE;
  PalierDate to = PALIER_DATE_NONE;

  if (self->window_choices->len == 0 || !read_window (self, &from, &to, NULL))
    return;

  fill_windows (self, from, to);
}

/* The programs */

static void
fill_programs (PalierScenarioDialog *self,
               const char           *program_id)
{
  PalierStore *store = palier_workspace_get_store (self->workspace);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_clear_pointer (&self->program_ids, g_ptr_array_unref);
  self->program_ids = palier_store_list_programs (store, NULL);
  if (self->program_ids == NULL)
    self->program_ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->program_ids->len; i++)
    {
      const char *id = g_ptr_array_index (self->program_ids, i);
      g_autoptr(PalierProgram) program = palier_store_load_program (store, id, NULL);

      gtk_string_list_append (names, program != NULL && program->name != NULL ? program->name : id);
      if (g_strcmp0 (id, program_id) == 0)
        selected = i;
    }

  adw_combo_row_set_model (self->program_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->program_row, selected);
}

/* The lists of growths and partners */

static GtkWidget *
list_entry_new (GtkWidget  *box,
                const char *placeholder,
                const char *text,
                int         width_chars)
{
  GtkWidget *entry = gtk_entry_new ();
  GPtrArray *entries = g_object_get_data (G_OBJECT (box), "palier-entries");

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width_chars);
  gtk_widget_set_hexpand (entry, width_chars > 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder,
                                  -1);
  gtk_box_append (GTK_BOX (box), entry);
  g_ptr_array_add (entries, entry);

  return entry;
}

static void
remove_clicked_cb (GtkButton *button,
                   GtkWidget *box)
{
  PalierScenarioDialog *self = g_object_get_data (G_OBJECT (box), "palier-dialog");
  ListKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), "palier-list"));

  g_ptr_array_remove (self->rows[kind], box);
  adw_preferences_group_remove (self->groups[kind], box);
}

static GtkWidget *
list_row_new (PalierScenarioDialog *self,
              ListKind              kind)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  g_object_set_data (G_OBJECT (box), "palier-dialog", self);
  g_object_set_data (G_OBJECT (box), "palier-list", GINT_TO_POINTER (kind));
  g_object_set_data_full (G_OBJECT (box), "palier-entries", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);

  return box;
}

static void
append_list_row (PalierScenarioDialog *self,
                 ListKind              kind,
                 GtkWidget            *box)
{
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Row"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove This Row"),
                                  -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), box, 0);
  gtk_box_append (GTK_BOX (box), remove);

  g_ptr_array_add (self->rows[kind], box);
  adw_preferences_group_add (self->groups[kind], box);
}

static const char *
growth_key_placeholder (ListKind kind)
{
  switch (kind)
    {
    case LIST_SEGMENT:
      return _("Segment");
    case LIST_CATEGORY:
      return _("Category");
    case LIST_REGION:
      return _("Region");
    default:
      g_assert_not_reached ();
    }
}

void
palier_scenario_dialog_add_growth (PalierScenarioDialog  *self,
                                   PalierGrowthDimension  dimension,
                                   const char            *key,
                                   const char            *percent)
{
  GtkWidget *box;

  g_return_if_fail (PALIER_IS_SCENARIO_DIALOG (self));
  g_return_if_fail (dimension < PALIER_N_GROWTH_DIMENSIONS);

  box = list_row_new (self, (ListKind) dimension);
  list_entry_new (box, growth_key_placeholder ((ListKind) dimension), key, 12);
  list_entry_new (box, _("Growth (%)"), percent, 6);
  append_list_row (self, (ListKind) dimension, box);
}

void
palier_scenario_dialog_add_removed (PalierScenarioDialog *self,
                                    const char           *code)
{
  GtkWidget *box;

  g_return_if_fail (PALIER_IS_SCENARIO_DIALOG (self));

  box = list_row_new (self, LIST_REMOVED);
  list_entry_new (box, _("Partner code"), code, 16);
  append_list_row (self, LIST_REMOVED, box);
}

void
palier_scenario_dialog_add_added (PalierScenarioDialog *self,
                                  const char           *code,
                                  const char           *name,
                                  const char           *source,
                                  const char           *factor)
{
  GtkWidget *box;

  g_return_if_fail (PALIER_IS_SCENARIO_DIALOG (self));

  box = list_row_new (self, LIST_ADDED);
  list_entry_new (box, _("New code"), code, 9);
  list_entry_new (box, _("Name"), name, 9);
  list_entry_new (box, _("Copy of"), source, 9);
  list_entry_new (box, _("Factor"), factor != NULL ? factor : "1", 4);
  append_list_row (self, LIST_ADDED, box);
}

static void
add_clicked_cb (PalierScenarioDialog *self,
                GtkButton            *button)
{
  for (ListKind kind = 0; kind < N_LISTS; kind++)
    {
      if (button != self->add_buttons[kind])
        continue;

      if (kind < LIST_REMOVED)
        palier_scenario_dialog_add_growth (self, (PalierGrowthDimension) kind, NULL, NULL);
      else if (kind == LIST_REMOVED)
        palier_scenario_dialog_add_removed (self, NULL);
      else
        palier_scenario_dialog_add_added (self, NULL, NULL, NULL, NULL);
    }
}

static const char *
row_text (GtkWidget *box,
          guint      index)
{
  GPtrArray *entries = g_object_get_data (G_OBJECT (box), "palier-entries");

  return gtk_editable_get_text (GTK_EDITABLE (g_ptr_array_index (entries, index)));
}

/* Fills the lists from @assumptions. */
static void
fill_lists (PalierScenarioDialog    *self,
            const PalierAssumptions *assumptions)
{
  for (guint d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    for (guint i = 0; assumptions->growths[d] != NULL && i < assumptions->growths[d]->len; i++)
      {
        const PalierGrowth *growth = &g_array_index (assumptions->growths[d], PalierGrowth, i);
        g_autofree char *percent = format_percent_input (growth->growth);

        palier_scenario_dialog_add_growth (self, d, growth->key, percent);
      }

  for (guint i = 0; assumptions->removed != NULL && i < assumptions->removed->len; i++)
    palier_scenario_dialog_add_removed (self, g_ptr_array_index (assumptions->removed, i));

  for (guint i = 0; assumptions->added != NULL && i < assumptions->added->len; i++)
    {
      const PalierAddedPartner *added = &g_array_index (assumptions->added, PalierAddedPartner, i);
      g_autofree char *factor = palier_input_format_number (added->factor);

      palier_scenario_dialog_add_added (self, added->code, added->name, added->source, factor);
    }
}

/* Reading the fields back */

static gboolean
read_growths (PalierScenarioDialog  *self,
              PalierAssumptions     *assumptions,
              GError               **error)
{
  for (ListKind kind = LIST_SEGMENT; kind <= LIST_REGION; kind++)
    for (guint i = 0; i < self->rows[kind]->len; i++)
      {
        GtkWidget *box = g_ptr_array_index (self->rows[kind], i);
        g_autofree char *key = g_strstrip (g_strdup (row_text (box, 0)));
        PalierDecimal growth;

        if (key[0] == '\0' && row_text (box, 1)[0] == '\0')
          continue;
        if (key[0] == '\0')
          {
            g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                         /* Translators: "Segment: a growth of “8” has no name; …" */
                         _("%s: a growth of “%s” has no name; type the name as it appears in the sales"),
                         growth_key_placeholder (kind), row_text (box, 1));
            return FALSE;
          }
        if (!parse_growth (key, row_text (box, 1), &growth, error))
          return FALSE;

        palier_assumptions_set_growth (assumptions, (PalierGrowthDimension) kind, key, growth);
      }

  return TRUE;
}

static GHashTable *
partner_codes_new (PalierScenarioDialog *self)
{
  g_autoptr(GPtrArray) partners = palier_store_list_partners (palier_workspace_get_store (self->workspace), NULL);
  GHashTable *codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; partners != NULL && i < partners->len; i++)
    {
      const PalierPartner *partner = g_ptr_array_index (partners, i);

      g_hash_table_add (codes, g_strdup (partner->code));
    }

  return codes;
}

static gboolean
check_partner (GHashTable  *codes,
               const char  *code,
               GError     **error)
{
  if (g_hash_table_contains (codes, code))
    return TRUE;

  g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND,
               _("No partner has the code “%s” in this workspace; check the code on the Data page"),
               code);
  return FALSE;
}

static gboolean
read_partners (PalierScenarioDialog  *self,
               PalierAssumptions     *assumptions,
               GError               **error)
{
  g_autoptr(GHashTable) codes = partner_codes_new (self);

  for (guint i = 0; i < self->rows[LIST_REMOVED]->len; i++)
    {
      g_autofree char *code = g_strstrip (g_strdup (row_text (g_ptr_array_index (self->rows[LIST_REMOVED], i), 0)));

      if (code[0] == '\0')
        continue;
      if (!check_partner (codes, code, error))
        return FALSE;
      palier_assumptions_remove_partner (assumptions, code);
    }

  for (guint i = 0; i < self->rows[LIST_ADDED]->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (self->rows[LIST_ADDED], i);
      g_autofree char *code = g_strstrip (g_strdup (row_text (box, 0)));
      g_autofree char *name = g_strstrip (g_strdup (row_text (box, 1)));
      g_autofree char *source = g_strstrip (g_strdup (row_text (box, 2)));
      const char *factor_text = row_text (box, 3);
      PalierDecimal factor;
      g_autoptr(GError) parse_error = NULL;

      if (code[0] == '\0' && source[0] == '\0')
        continue;
      if (code[0] == '\0')
        {
          g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                       _("The partner added as a copy of “%s” has no code; type a code that no partner has"),
                       source);
          return FALSE;
        }
      if (g_hash_table_contains (codes, code))
        {
          g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                       _("A partner with the code “%s” exists already; give the added partner another code"),
                       code);
          return FALSE;
        }
      if (!check_partner (codes, source, error))
        return FALSE;
      if (!palier_input_parse_number (factor_text, &factor, &parse_error) || factor < 0)
        {
          g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                       _("Partner “%s”: invalid factor “%s”; type a number of 0 or more, 1 for the same sales"),
                       code, factor_text);
          return FALSE;
        }

      palier_assumptions_add_partner (assumptions, code, name[0] != '\0' ? name : NULL, source, factor);
    }

  return TRUE;
}

/* A new id from the name: its lowercase ASCII letters and digits, with
 * a number appended when another scenario has it. */
static char *
new_scenario_id (PalierScenarioDialog *self,
                 const char           *name)
{
  g_autoptr(GPtrArray) scenarios = palier_store_list_scenarios (palier_workspace_get_store (self->workspace), NULL);
  g_autoptr(GString) base = g_string_new (NULL);
  char *id;

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (base, g_ascii_tolower (*p));
      else if (base->len > 0 && base->str[base->len - 1] != '-')
        g_string_append_c (base, '-');
    }
  while (base->len > 0 && base->str[base->len - 1] == '-')
    g_string_truncate (base, base->len - 1);
  if (base->len == 0)
    g_string_assign (base, "scenario");

  id = g_strdup (base->str);
  for (guint n = 2; ; n++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; scenarios != NULL && i < scenarios->len; i++)
        taken |= g_strcmp0 (((PalierScenario *) g_ptr_array_index (scenarios, i))->id, id) == 0;
      if (!taken)
        return id;

      g_free (id);
      id = g_strdup_printf ("%s-%u", base->str, n);
    }
}

PalierScenario *
palier_scenario_dialog_build (PalierScenarioDialog  *self,
                              GError               **error)
{
  g_autofree char *name = NULL;
  guint program_index;
  g_autoptr(PalierAssumptions) assumptions = palier_assumptions_new ();
  g_autoptr(PalierScenario) scenario = NULL;
  g_autofree char *id = NULL;
  PalierDate from;
  PalierDate to;

  g_return_val_if_fail (PALIER_IS_SCENARIO_DIALOG (self), NULL);

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                           _("The scenario has no name; type one, such as “Growth 8 %”"));
      return NULL;
    }

  program_index = adw_combo_row_get_selected (self->program_row);
  if (program_index >= self->program_ids->len)
    {
      g_set_error_literal (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_NOT_FOUND,
                           _("The workspace has no program; import or design one first"));
      return NULL;
    }

  if (!read_window (self, &from, &to, error) ||
      !parse_growth (_("Overall growth"), gtk_editable_get_text (GTK_EDITABLE (self->growth_row)),
                     &assumptions->growth, error) ||
      !read_growths (self, assumptions, error) ||
      !read_partners (self, assumptions, error))
    return NULL;

  id = self->scenario != NULL ? g_strdup (self->scenario->id) : new_scenario_id (self, name);
  scenario = palier_scenario_new (id, name, g_ptr_array_index (self->program_ids, program_index));
  scenario->from = from;
  scenario->to = to;
  palier_assumptions_free (scenario->assumptions);
  scenario->assumptions = g_steal_pointer (&assumptions);

  return g_steal_pointer (&scenario);
}

gboolean
palier_scenario_dialog_save (PalierScenarioDialog *self)
{
  g_autoptr(PalierScenario) scenario = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PALIER_IS_SCENARIO_DIALOG (self), FALSE);

  scenario = palier_scenario_dialog_build (self, &error);
  if (scenario == NULL ||
      !palier_store_save_scenario (palier_workspace_get_store (self->workspace), scenario, &error))
    {
      AdwToast *toast = adw_toast_new (error != NULL ? error->message : _("The scenario could not be saved"));

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
      return FALSE;
    }

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, scenario);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked_cb (PalierScenarioDialog *self)
{
  palier_scenario_dialog_save (self);
}

/* GObject */

static void
palier_scenario_dialog_dispose (GObject *object)
{
  PalierScenarioDialog *self = PALIER_SCENARIO_DIALOG (object);

  for (guint i = 0; i < N_LISTS; i++)
    if (self->rows[i] != NULL)
      g_ptr_array_set_size (self->rows[i], 0);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (palier_scenario_dialog_parent_class)->dispose (object);
}

static void
palier_scenario_dialog_finalize (GObject *object)
{
  PalierScenarioDialog *self = PALIER_SCENARIO_DIALOG (object);

  g_clear_pointer (&self->scenario, palier_scenario_unref);
  g_clear_pointer (&self->program_ids, g_ptr_array_unref);
  g_clear_pointer (&self->window_choices, g_array_unref);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->rows[i], g_ptr_array_unref);

  G_OBJECT_CLASS (palier_scenario_dialog_parent_class)->finalize (object);
}

static void
palier_scenario_dialog_class_init (PalierScenarioDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = palier_scenario_dialog_dispose;
  object_class->finalize = palier_scenario_dialog_finalize;

  /* Emitted with the PalierScenario once it is stored in the
   * workspace.  The scenario is passed without a copy and lives until
   * the handlers return: take a reference to keep it. */
  signals[SIGNAL_SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  PALIER_TYPE_SCENARIO | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/palier/Palier/palier-scenario-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, program_row);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, window_row);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, PalierScenarioDialog, growth_row);
  gtk_widget_class_bind_template_child_full (widget_class, "segment_group", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, groups[LIST_SEGMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "category_group", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, groups[LIST_CATEGORY]));
  gtk_widget_class_bind_template_child_full (widget_class, "region_group", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, groups[LIST_REGION]));
  gtk_widget_class_bind_template_child_full (widget_class, "removed_group", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, groups[LIST_REMOVED]));
  gtk_widget_class_bind_template_child_full (widget_class, "added_group", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, groups[LIST_ADDED]));
  gtk_widget_class_bind_template_child_full (widget_class, "add_segment_button", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, add_buttons[LIST_SEGMENT]));
  gtk_widget_class_bind_template_child_full (widget_class, "add_category_button", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, add_buttons[LIST_CATEGORY]));
  gtk_widget_class_bind_template_child_full (widget_class, "add_region_button", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, add_buttons[LIST_REGION]));
  gtk_widget_class_bind_template_child_full (widget_class, "add_removed_button", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, add_buttons[LIST_REMOVED]));
  gtk_widget_class_bind_template_child_full (widget_class, "add_added_button", FALSE,
                                             G_STRUCT_OFFSET (PalierScenarioDialog, add_buttons[LIST_ADDED]));
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
palier_scenario_dialog_init (PalierScenarioDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->window_choices = g_array_new (FALSE, FALSE, sizeof (WindowChoice));
  for (guint i = 0; i < N_LISTS; i++)
    self->rows[i] = g_ptr_array_new ();
}

PalierScenarioDialog *
palier_scenario_dialog_new (GtkWindow            *parent,
                            PalierWorkspace      *workspace,
                            const PalierScenario *scenario)
{
  PalierScenarioDialog *self;
  PalierDate from = scenario != NULL ? scenario->from : PALIER_DATE_NONE;
  PalierDate to = scenario != NULL ? scenario->to : PALIER_DATE_NONE;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PALIER_IS_WORKSPACE (workspace), NULL);

  self = g_object_new (PALIER_TYPE_SCENARIO_DIALOG,
                       "transient-for", parent,
                       "title", scenario != NULL ? _("Edit Scenario") : _("New Scenario"),
                       NULL);
  self->workspace = g_object_ref (workspace);
  if (scenario != NULL)
    self->scenario = palier_scenario_copy (scenario);

  fill_programs (self, scenario != NULL ? scenario->program_id : NULL);
  fill_windows (self, from, to);
  g_signal_connect_object (self->program_row, "notify::selected",
                           G_CALLBACK (program_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->window_row, "notify::selected",
                           G_CALLBACK (update_custom_rows), self, G_CONNECT_SWAPPED);

  if (scenario != NULL)
    {
      g_autofree char *growth = format_percent_input (scenario->assumptions->growth);

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), scenario->name);
      gtk_editable_set_text (GTK_EDITABLE (self->growth_row), scenario->assumptions->growth != 0 ? growth : "");
      fill_lists (self, scenario->assumptions);
    }

  return self;
}
