/* palier-date-parse.c: dates as spreadsheets export them
 *
 * A date is three numbers separated by '-', '/' or '.', optionally
 * followed by a time of day that is checked and dropped.  The order of
 * day and month is a property of the column, decided by the sniffer or
 * forced by the user, because "3/4/2017" alone cannot tell.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-number.h"
#include "palier-number-private.h"

typedef enum {
  DATE_OK,
  DATE_EMPTY,
  DATE_SYNTAX,                      /* not three numbers and a time */
  DATE_WRONG_SHAPE,                 /* year last in a year-first column, or the reverse */
  DATE_IMPOSSIBLE,                  /* month or day out of range */
} DateStatus;

const char *
palier_date_order_to_string (PalierDateOrder order)
{
  switch (order)
    {
    case PALIER_DATE_ORDER_AUTO:
      return "auto";
    case PALIER_DATE_ORDER_YMD:
      return "YYYY-MM-DD";
    case PALIER_DATE_ORDER_MDY:
      return "MM/DD/YYYY";
    case PALIER_DATE_ORDER_DMY:
      return "DD/MM/YYYY";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Reduces a format such as "DD/MM/YYYY", "%m/%d/%Y" or the French
 * "JJ/MM/AAAA" to the order of its y, m and d letters ("dmy"). */
static gboolean
format_letters (const char *text,
                char        letters[4])
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == 'j')
        c = 'd';
      else if (c == 'a')
        c = 'y';

      if (c == 'y' || c == 'm' || c == 'd')
        {
          if (n > 0 && letters[n - 1] == c)
            continue;
          if (n == 3 || memchr (letters, c, n) != NULL)
            return FALSE;
          letters[n++] = c;
        }
      else if (!strchr ("%-/. ", c))
        return FALSE;
    }

  letters[n] = '\0';
  return n == 3;
}

gboolean
palier_date_order_from_string (const char      *text,
                               PalierDateOrder *out)
{
  char letters[4];

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (g_ascii_strcasecmp (text, "auto") == 0)
    *out = PALIER_DATE_ORDER_AUTO;
  else if (g_ascii_strcasecmp (text, "iso") == 0)
    *out = PALIER_DATE_ORDER_YMD;
  else if (!format_letters (text, letters))
    return FALSE;
  else if (strcmp (letters, "ymd") == 0)
    *out = PALIER_DATE_ORDER_YMD;
  else if (strcmp (letters, "mdy") == 0)
    *out = PALIER_DATE_ORDER_MDY;
  else if (strcmp (letters, "dmy") == 0)
    *out = PALIER_DATE_ORDER_DMY;
  else
    return FALSE;
  return TRUE;
}

/* Reads the digits at *@p into *@value and returns how many there were,
 * stopping after @max_digits + 1 so that the caller sees a number that is
 * too long. */
static guint
read_number (const char **p,
             const char  *end,
             guint        max_digits,
             int         *value)
{
  guint n = 0;

  *value = 0;
  while (*p < end && g_ascii_isdigit (**p) && n <= max_digits)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n;
}

static gboolean
skip_literal (const char **p,
              const char  *end,
              const char  *literal)
{
  gsize n = strlen (literal);

  if ((gsize) (end - *p) < n || g_ascii_strncasecmp (*p, literal, n) != 0)
    return FALSE;
  *p += n;
  return TRUE;
}

static void
skip_spaces (const char **p,
             const char  *end)
{
  gsize n;

  while ((n = _palier_space_length (*p, end)) > 0)
    *p += n;
}

/* Checks a time of day after a date: "T" or spaces, then H:MM, optional
 * seconds with a fraction, AM or PM, and a time zone ("Z", "+02:00"). */
static gboolean
check_time_part (const char *p,
                 const char *end)
{
  int value;
  guint n;

  if (p == end)
    return TRUE;

  if (*p == 'T')
    p++;
  else if (_palier_space_length (p, end) > 0)
    skip_spaces (&p, end);
  else
    return FALSE;

  n = read_number (&p, end, 2, &value);
  if (n < 1 || n > 2 || value > 23)
    return FALSE;
  if (!skip_literal (&p, end, ":") || read_number (&p, end, 2, &value) != 2 || value > 59)
    return FALSE;
  if (skip_literal (&p, end, ":"))
    {
      if (read_number (&p, end, 2, &value) != 2 || value > 60)
        return FALSE;
      if (skip_literal (&p, end, "."))
        {
          const char *digits = p;

          while (p < end && g_ascii_isdigit (*p))
            p++;
          if (p == digits)
            return FALSE;
        }
    }

  skip_spaces (&p, end);
  if (skip_literal (&p, end, "AM") || skip_literal (&p, end, "PM"))
    skip_spaces (&p, end);

  if (skip_literal (&p, end, "Z"))
    return p == end;
  if (p < end && (*p == '+' || *p == '-'))
    {
      p++;
      if (read_number (&p, end, 2, &value) != 2)
        return FALSE;
      skip_literal (&p, end, ":");
      if (p < end && read_number (&p, end, 2, &value) != 2)
        return FALSE;
    }
  return p == end;
}

/* Reads @text in @order, which is YMD, MDY or DMY and fixes the
 * shape: a year-last date is WRONG_SHAPE for YMD, a year-first one for
 * MDY and DMY. */
static DateStatus
read_date (const char      *text,
           gsize            len,
           PalierDateOrder  order,
           PalierDate      *out)
{
  const char *p = text;
  const char *end = text + len;
  int first, second, third;
  guint n_first, n_second, n_third;
  char separator;
  int year, month, day;
  PalierDate date;

  _palier_trim_spaces (&p, &end);
  if (p == end)
    return DATE_EMPTY;

  n_first = read_number (&p, end, 4, &first);
  if (p == end || !strchr ("-/.", *p))
    return DATE_SYNTAX;
  separator = *p++;
  n_second = read_number (&p, end, 2, &second);
  if (p == end || *p != separator)
    return DATE_SYNTAX;
  p++;
  n_third = read_number (&p, end, 4, &third);
  if (!check_time_part (p, end))
    return DATE_SYNTAX;

  if (n_first == 4 && n_second >= 1 && n_second <= 2 && n_third >= 1 && n_third <= 2)
    {
      if (order != PALIER_DATE_ORDER_YMD)
        return DATE_WRONG_SHAPE;
      year = first, month = second, day = third;
    }
  else if (n_first >= 1 && n_first <= 2 && n_second >= 1 && n_second <= 2 && n_third == 4)
    {
      if (order == PALIER_DATE_ORDER_YMD)
        return DATE_WRONG_SHAPE;
      year = third;
      month = order == PALIER_DATE_ORDER_DMY ? second : first;
      day = order == PALIER_DATE_ORDER_DMY ? first : second;
    }
  else
    return DATE_SYNTAX;

  /* Day and month have at most two digits each, so an out-of-range one
   * cannot spill into its neighbour in the yyyymmdd integer. */
  date = palier_date_from_ymd (year, month, day);
  if (!palier_date_is_valid (date))
    return DATE_IMPOSSIBLE;

  *out = date;
  return DATE_OK;
}

/* The layout of @order as a user writes it, for messages. */
static const char *
order_format (PalierDateOrder order)
{
  switch (order)
    {
    case PALIER_DATE_ORDER_YMD:
      return "YYYY-MM-DD";
    case PALIER_DATE_ORDER_DMY:
      return "DD/MM/YYYY";
    case PALIER_DATE_ORDER_MDY:
    case PALIER_DATE_ORDER_AUTO:
    default:
      return "MM/DD/YYYY";
    }
}

static const char *
order_description (PalierDateOrder order)
{
  switch (order)
    {
    case PALIER_DATE_ORDER_YMD:
      return _("year-month-day");
    case PALIER_DATE_ORDER_DMY:
      return _("day/month/year");
    case PALIER_DATE_ORDER_MDY:
    case PALIER_DATE_ORDER_AUTO:
    default:
      return _("month/day/year");
    }
}

static gboolean
set_date_error (DateStatus        status,
                const char       *text,
                gsize             len,
                PalierDateOrder   order,
                GError          **error)
{
  g_autofree char *value = _palier_quote_value (text, len);

  switch (status)
    {
    case DATE_EMPTY:
      g_set_error_literal (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_DATE,
                           _("empty value where a date is expected"));
      break;
    case DATE_IMPOSSIBLE:
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_DATE,
                   _("“%s” is not a valid date when read as %s"),
                   value, order_description (order));
      break;
    case DATE_WRONG_SHAPE:
      if (order == PALIER_DATE_ORDER_YMD)
        g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_DATE_SHAPE,
                     _("“%s” has the year last, but the dates of this column "
                       "are year-month-day (%s)"),
                     value, order_format (order));
      else
        g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_DATE_SHAPE,
                     /* Translators: the second %s is “month/day/year” or
                      * “day/month/year”, the third MM/DD/YYYY or DD/MM/YYYY. */
                     _("“%s” has the year first, but the dates of this column "
                       "are %s (%s)"),
                     value, order_description (order), order_format (order));
      break;
    case DATE_SYNTAX:
    case DATE_OK:
    default:
      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_DATE,
                   _("invalid date “%s”; dates must look like 2017-01-31, "
                     "1/31/2017 or 31.01.2017, with an optional time"),
                   value);
      break;
    }
  return FALSE;
}

/* Reads @text in either shape: as YMD, else as MDY and as DMY, where a
 * date readable both ways must be the same day (a day equal to the
 * month). */
static gboolean
parse_auto (const char  *text,
            gsize        len,
            PalierDate  *out,
            GError     **error)
{
  PalierDate mdy_date = PALIER_DATE_NONE;
  PalierDate dmy_date = PALIER_DATE_NONE;
  DateStatus ymd = read_date (text, len, PALIER_DATE_ORDER_YMD, out);
  DateStatus mdy, dmy;

  if (ymd == DATE_OK)
    return TRUE;
  if (ymd != DATE_WRONG_SHAPE)
    return set_date_error (ymd, text, len, PALIER_DATE_ORDER_YMD, error);

  mdy = read_date (text, len, PALIER_DATE_ORDER_MDY, &mdy_date);
  dmy = read_date (text, len, PALIER_DATE_ORDER_DMY, &dmy_date);

  if (mdy == DATE_OK && dmy == DATE_OK && mdy_date != dmy_date)
    {
      g_autofree char *value = _palier_quote_value (text, len);

      g_set_error (error, PALIER_PARSE_ERROR, PALIER_PARSE_ERROR_AMBIGUOUS,
                   _("“%s” can be read as month/day/year or as "
                     "day/month/year"),
                   value);
      return FALSE;
    }
  if (mdy == DATE_OK || dmy == DATE_OK)
    {
      *out = mdy == DATE_OK ? mdy_date : dmy_date;
      return TRUE;
    }

  return set_date_error (mdy, text, len, PALIER_DATE_ORDER_MDY, error);
}

gboolean
palier_date_parse_text (const char       *text,
                        gsize             len,
                        PalierDateOrder   order,
                        PalierDate       *out,
                        GError          **error)
{
  DateStatus status;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (order == PALIER_DATE_ORDER_AUTO)
    return parse_auto (text, len, out, error);

  status = read_date (text, len, order, out);
  if (status != DATE_OK)
    return set_date_error (status, text, len, order, error);
  return TRUE;
}

/* Keeps the first value of a kind as its example, cut to fit on a
 * character boundary. */
static void
keep_example (char       *example,
              const char *text,
              gsize       len)
{
  const char *start = text;
  const char *end = text + len;
  const char *valid_end;

  if (example[0] != '\0')
    return;

  _palier_trim_spaces (&start, &end);
  g_utf8_validate_len (start, MIN ((gsize) (end - start), PALIER_DATE_EXAMPLE_SIZE - 1), &valid_end);
  memcpy (example, start, valid_end - start);
  example[valid_end - start] = '\0';
}

void
palier_date_sniffer_add (PalierDateSniffer *sniffer,
                         const char        *text,
                         gsize              len)
{
  PalierDate date;
  DateStatus ymd;
  gboolean mdy, dmy;

  g_return_if_fail (sniffer != NULL);
  g_return_if_fail (text != NULL || len == 0);

  ymd = read_date (text, len, PALIER_DATE_ORDER_YMD, &date);
  if (ymd == DATE_EMPTY)
    return;

  sniffer->n_values++;
  if (ymd == DATE_OK)
    {
      sniffer->ymd_ok++;
      keep_example (sniffer->ymd_example, text, len);
      return;
    }

  mdy = read_date (text, len, PALIER_DATE_ORDER_MDY, &date) == DATE_OK;
  dmy = read_date (text, len, PALIER_DATE_ORDER_DMY, &date) == DATE_OK;
  sniffer->mdy_ok += mdy;
  sniffer->dmy_ok += dmy;
  if (mdy && dmy)
    {
      sniffer->both_ok++;
      keep_example (sniffer->both_example, text, len);
    }
  else if (mdy)
    keep_example (sniffer->mdy_only_example, text, len);
  else if (dmy)
    keep_example (sniffer->dmy_only_example, text, len);
}

guint
palier_date_sniffer_year_last (const PalierDateSniffer *sniffer)
{
  g_return_val_if_fail (sniffer != NULL, 0);

  return sniffer->mdy_ok + sniffer->dmy_ok - sniffer->both_ok;
}

PalierDateOrder
palier_date_sniffer_result (const PalierDateSniffer *sniffer)
{
  guint year_last;

  g_return_val_if_fail (sniffer != NULL, PALIER_DATE_ORDER_AUTO);

  year_last = palier_date_sniffer_year_last (sniffer);
  if (sniffer->ymd_ok > year_last)
    return PALIER_DATE_ORDER_YMD;
  if (sniffer->ymd_ok == year_last)
    return PALIER_DATE_ORDER_AUTO;
  if (sniffer->mdy_ok > sniffer->dmy_ok)
    return PALIER_DATE_ORDER_MDY;
  if (sniffer->dmy_ok > sniffer->mdy_ok)
    return PALIER_DATE_ORDER_DMY;
  return PALIER_DATE_ORDER_AUTO;
}
