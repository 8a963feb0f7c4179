/* palier-scenario-text.c: the canonical text of assumptions
 *
 * One assumption per line, a keyword followed by its values:
 *
 *   growth 8%
 *   segment "Home Office" 5%
 *   category "Technology" -2.5%
 *   region "West" 10%
 *   remove "P001"
 *   add "P900" copy "P001" factor 1.5 name "New partner"
 *
 * Names and codes are written between double quotes, with \" , \\ and
 * \n escaped; the reader also takes a bare word without spaces.  Blank
 * lines and lines starting with '#' are skipped.  Growths are written as
 * exact percentages and factors as exact decimals, never in the locale's
 * number forms.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-scenario.h"
#include "palier-scenario-private.h"

static const char *const dimension_keywords[PALIER_N_GROWTH_DIMENSIONS] = {
  [PALIER_GROWTH_SEGMENT] = "segment",
  [PALIER_GROWTH_CATEGORY] = "category",
  [PALIER_GROWTH_REGION] = "region",
};

const char *
palier_growth_dimension_to_string (PalierGrowthDimension dimension)
{
  g_return_val_if_fail (dimension < PALIER_N_GROWTH_DIMENSIONS, NULL);

  return dimension_keywords[dimension];
}

gboolean
palier_growth_parse_percent (const char     *text,
                             PalierDecimal  *out_growth,
                             GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize len;
  PalierDecimal percent;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_growth != NULL, FALSE);

  len = strlen (text);
  if (len > 0 && text[len - 1] == '%')
    len--;

  /* A percentage with up to four decimals is a fraction with up to six. */
  if (!palier_decimal_parse (text, (gssize) len, &percent, &local_error) ||
      percent % 100 != 0)
    {
      g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                   _("invalid percentage “%s”; write a number with up to 4 decimals, such as 8, 8%% or -2.5"),
                   text);
      return FALSE;
    }

  *out_growth = percent / 100;
  return TRUE;
}

char *
palier_growth_format_percent (PalierDecimal growth)
{
  char buf[PALIER_DECIMAL_BUFSIZE];
  PalierWide percent = (PalierWide) growth * 100;

  if (percent > PALIER_DECIMAL_MAX || percent < PALIER_DECIMAL_MIN)
    percent = growth < 0 ? PALIER_DECIMAL_MIN : PALIER_DECIMAL_MAX;
  return g_strconcat (palier_decimal_format_exact ((PalierDecimal) percent, buf), "%", NULL);
}

static gboolean
set_invalid (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
check_growth (const char     *label,
              PalierDecimal   growth,
              GError        **error)
{
  g_autofree char *percent = palier_growth_format_percent (growth);
  g_autofree char *message = NULL;

  if (growth >= -PALIER_DECIMAL_ONE && growth <= PALIER_GROWTH_MAX)
    return TRUE;

  message = g_strdup_printf (_("%s: growth %s is out of range; use a growth between -100%% and 100000%%"),
                             label, percent);
  return set_invalid (error, message);
}

gboolean
palier_assumptions_validate (const PalierAssumptions  *assumptions,
                             GError                  **error)
{
  g_return_val_if_fail (assumptions != NULL, FALSE);

  if (!check_growth (_("overall"), assumptions->growth, error))
    return FALSE;

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    for (guint i = 0; i < assumptions->growths[d]->len; i++)
      {
        const PalierGrowth *growth = &g_array_index (assumptions->growths[d], PalierGrowth, i);
        g_autofree char *label = g_strdup_printf ("%s “%s”", dimension_keywords[d], growth->key);

        if (!check_growth (label, growth->growth, error))
          return FALSE;
      }

  for (guint i = 0; i < assumptions->added->len; i++)
    {
      const PalierAddedPartner *added = &g_array_index (assumptions->added, PalierAddedPartner, i);
      char buf[PALIER_DECIMAL_BUFSIZE];

      if (added->factor <= 0 || added->factor > PALIER_GROWTH_MAX)
        {
          g_autofree char *message =
            g_strdup_printf (_("added partner “%s”: factor %s is out of range; use a factor above 0 and at most 1000"),
                             added->code, palier_decimal_format_exact (added->factor, buf));
          return set_invalid (error, message);
        }
      if (g_ptr_array_find_with_equal_func (assumptions->removed, added->code, g_str_equal, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("partner “%s” is both added and removed; give the added partner another code"),
                             added->code);
          return set_invalid (error, message);
        }
    }
  return TRUE;
}

/* Writing */

static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      if (*p == '\n')
        g_string_append (out, "\\n");
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_percent (GString       *out,
                PalierDecimal  growth)
{
  g_autofree char *percent = palier_growth_format_percent (growth);

  g_string_append (out, percent);
}

char *
palier_assumptions_to_string (const PalierAssumptions *assumptions)
{
  GString *out;

  g_return_val_if_fail (assumptions != NULL, NULL);

  out = g_string_new (NULL);
  if (assumptions->growth != 0)
    {
      g_string_append (out, "growth ");
      append_percent (out, assumptions->growth);
      g_string_append_c (out, '\n');
    }

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    for (guint i = 0; i < assumptions->growths[d]->len; i++)
      {
        const PalierGrowth *growth = &g_array_index (assumptions->growths[d], PalierGrowth, i);

        g_string_append_printf (out, "%s ", dimension_keywords[d]);
        append_quoted (out, growth->key);
        g_string_append_c (out, ' ');
        append_percent (out, growth->growth);
        g_string_append_c (out, '\n');
      }

  for (guint i = 0; i < assumptions->removed->len; i++)
    {
      g_string_append (out, "remove ");
      append_quoted (out, g_ptr_array_index (assumptions->removed, i));
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < assumptions->added->len; i++)
    {
      const PalierAddedPartner *added = &g_array_index (assumptions->added, PalierAddedPartner, i);
      char buf[PALIER_DECIMAL_BUFSIZE];

      g_string_append (out, "add ");
      append_quoted (out, added->code);
      g_string_append (out, " copy ");
      append_quoted (out, added->source);
      g_string_append_printf (out, " factor %s", palier_decimal_format_exact (added->factor, buf));
      if (added->name != NULL)
        {
          g_string_append (out, " name ");
          append_quoted (out, added->name);
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Reading */

typedef struct {
  guint       line;
  const char *keyword;
} LineContext;

static gboolean
set_line_error (const LineContext  *context,
                GError            **error,
                const char         *message)
{
  g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
               _("assumptions, line %llu: “%s”: %s"),
               (unsigned long long) context->line, context->keyword, message);
  return FALSE;
}

/* Splits @line into words and quoted strings.  Returns NULL with an
 * error on an unterminated quote or an unknown escape. */
static GPtrArray *
split_line (const char         *line,
            const LineContext  *context,
            GError            **error)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = line;

  while (TRUE)
    {
      GString *word;

      while (*p == ' ' || *p == '\t')
        p++;
      if (*p == '\0')
        break;

      word = g_string_new (NULL);
      if (*p != '"')
        {
          while (*p != '\0' && *p != ' ' && *p != '\t')
            g_string_append_c (word, *p++);
          g_ptr_array_add (words, g_string_free (word, FALSE));
          continue;
        }

      for (p++; *p != '"'; p++)
        {
          if (*p == '\\' && (p[1] == '"' || p[1] == '\\' || p[1] == 'n'))
            {
              p++;
              g_string_append_c (word, *p == 'n' ? '\n' : *p);
            }
          else if (*p == '\0' || *p == '\\')
            {
              LineContext quoted = { context->line, word->str };

              set_line_error (&quoted, error,
                              *p == '\0' ? _("the closing quote is missing")
                                         : _("invalid escape; only \\\", \\\\ and \\n are allowed"));
              g_string_free (word, TRUE);
              return NULL;
            }
          else
            g_string_append_c (word, *p);
        }
      p++;
      g_ptr_array_add (words, g_string_free (word, FALSE));
    }
  return g_steal_pointer (&words);
}

static gboolean
expect_words (const LineContext  *context,
              GPtrArray          *words,
              guint               n_words,
              const char         *usage,
              GError            **error)
{
  g_autofree char *message = NULL;

  if (words->len == n_words)
    return TRUE;

  message = g_strdup_printf (_("expected “%s”"), usage);
  return set_line_error (context, error, message);
}

static gboolean
parse_percent_word (const LineContext  *context,
                    const char         *word,
                    PalierDecimal      *out_growth,
                    GError            **error)
{
  g_autoptr(GError) local_error = NULL;

  if (palier_growth_parse_percent (word, out_growth, &local_error))
    return TRUE;
  return set_line_error (context, error, local_error->message);
}

static gboolean
parse_add (const LineContext  *context,
           GPtrArray          *words,
           PalierAssumptions  *assumptions,
           GError            **error)
{
  const char *usage = "add CODE copy SOURCE factor NUMBER [name NAME]";
  PalierDecimal factor;
  const char *name = NULL;

  if ((words->len != 6 && words->len != 8) ||
      strcmp (g_ptr_array_index (words, 2), "copy") != 0 ||
      strcmp (g_ptr_array_index (words, 4), "factor") != 0 ||
      (words->len == 8 && strcmp (g_ptr_array_index (words, 6), "name") != 0))
    return expect_words (context, words, 0, usage, error);

  if (!palier_decimal_parse (g_ptr_array_index (words, 5), -1, &factor, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("invalid factor “%s”; write a decimal number such as 1.5"),
                                                  (const char *) g_ptr_array_index (words, 5));
      return set_line_error (context, error, message);
    }

  if (words->len == 8)
    name = g_ptr_array_index (words, 7);
  palier_assumptions_add_partner (assumptions, g_ptr_array_index (words, 1), name,
                                  g_ptr_array_index (words, 3), factor);
  return TRUE;
}

static gboolean
parse_line (const LineContext  *context,
            GPtrArray          *words,
            PalierAssumptions  *assumptions,
            GError            **error)
{
  const char *keyword = g_ptr_array_index (words, 0);
  PalierDecimal growth;

  if (strcmp (keyword, "growth") == 0)
    return expect_words (context, words, 2, "growth PERCENT", error) &&
           parse_percent_word (context, g_ptr_array_index (words, 1), &assumptions->growth, error);

  for (int d = 0; d < PALIER_N_GROWTH_DIMENSIONS; d++)
    {
      g_autofree char *usage = NULL;

      if (strcmp (keyword, dimension_keywords[d]) != 0)
        continue;

      usage = g_strdup_printf ("%s NAME PERCENT", dimension_keywords[d]);
      if (!expect_words (context, words, 3, usage, error) ||
          !parse_percent_word (context, g_ptr_array_index (words, 2), &growth, error))
        return FALSE;
      palier_assumptions_set_growth (assumptions, d, g_ptr_array_index (words, 1), growth);
      return TRUE;
    }

  if (strcmp (keyword, "remove") == 0)
    {
      if (!expect_words (context, words, 2, "remove CODE", error))
        return FALSE;
      palier_assumptions_remove_partner (assumptions, g_ptr_array_index (words, 1));
      return TRUE;
    }

  if (strcmp (keyword, "add") == 0)
    return parse_add (context, words, assumptions, error);

  return set_line_error (context, error,
                         _("unknown keyword; use growth, segment, category, region, remove or add"));
}

PalierAssumptions *
palier_assumptions_parse (const char  *text,
                          GError     **error)
{
  g_autoptr(PalierAssumptions) assumptions = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  assumptions = palier_assumptions_new ();
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) words = NULL;
      LineContext context = { i + 1, "" };
      const char *line = lines[i];

      while (*line == ' ' || *line == '\t')
        line++;
      if (*line == '\0' || *line == '#')
        continue;

      words = split_line (line, &context, error);
      if (words == NULL)
        return NULL;

      context.keyword = g_ptr_array_index (words, 0);
      if (!parse_line (&context, words, assumptions, error))
        return NULL;
    }

  if (!palier_assumptions_validate (assumptions, error))
    return NULL;
  return g_steal_pointer (&assumptions);
}
