/* fuzz-number.c: numbers and dates as spreadsheets write them
 *
 * The input is a column: one value per line.  Each value goes through
 * palier_number_parse() with both marks, palier_date_parse_text() with
 * the three orders, and both sniffers.  Values that parse are written
 * back in a plain form and must read back the same; dates must be real
 * calendar dates.
 */

#define G_LOG_DOMAIN "Palier"

#include <string.h>

#include "palier-number.h"

#include "fuzz-common.h"

#define MAX_VALUES 64

static const PalierDateOrder date_orders[] = {
  PALIER_DATE_ORDER_YMD,
  PALIER_DATE_ORDER_MDY,
  PALIER_DATE_ORDER_DMY,
};

static gboolean
parse_number (const char        *text,
              gsize              len,
              PalierDecimalMark  mark,
              PalierDecimal     *out)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 42;
  gboolean ok = palier_number_parse (text, len, mark, &value, &error);

  if (ok)
    {
      fuzz_assert (error == NULL);
      *out = value;
    }
  else if (g_utf8_validate (text, len, NULL))
    {
      fuzz_check_error (error, PALIER_PARSE_ERROR);
    }
  else
    {
      fuzz_assert (error != NULL && error->domain == PALIER_PARSE_ERROR);
    }
  return ok;
}

/* Writes @value as "-1234.5" (or "-1234,5" for COMMA), a form every
 * reading of that mark must accept. */
static void
check_number_round_trip (PalierDecimal     value,
                         PalierDecimalMark mark)
{
  char buf[PALIER_DECIMAL_BUFSIZE];
  char *text = palier_decimal_format_exact (value, buf);
  char *point = strchr (text, '.');
  PalierDecimal read_back = 0;

  if (mark == PALIER_DECIMAL_MARK_COMMA && point != NULL)
    *point = ',';

  if (!parse_number (text, strlen (text), mark, &read_back))
    fuzz_fail ("“%s” does not read back with the %s mark", text, palier_decimal_mark_to_string (mark));
  fuzz_assert (read_back == value);
}

static void
check_number (const char          *text,
              gsize                len,
              PalierNumberSniffer *sniffer)
{
  PalierDecimal with_point = 0, with_comma = 0, plain = 0;
  gboolean point_ok = parse_number (text, len, PALIER_DECIMAL_MARK_POINT, &with_point);
  gboolean comma_ok = parse_number (text, len, PALIER_DECIMAL_MARK_COMMA, &with_comma);
  guint n_before = sniffer->n_values;

  if (point_ok)
    check_number_round_trip (with_point, PALIER_DECIMAL_MARK_POINT);
  if (comma_ok)
    check_number_round_trip (with_comma, PALIER_DECIMAL_MARK_COMMA);

  /* A number in the plain form of program files means the same with '.'
   * as the mark. */
  if (point_ok && palier_decimal_parse (text, len, &plain, NULL))
    fuzz_assert (plain == with_point);

  palier_number_sniffer_add (sniffer, text, len);
  fuzz_assert (sniffer->n_values <= n_before + 1);
  if (point_ok || comma_ok)
    fuzz_assert (sniffer->n_values == n_before + 1);
}

static void
check_date (const char        *text,
            gsize              len,
            PalierDateSniffer *sniffer)
{
  guint n_ok[G_N_ELEMENTS (date_orders)] = { 0, };
  guint n_before = sniffer->n_values;
  gboolean any_ok = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    {
      g_autoptr(GError) error = NULL;
      PalierDate date = PALIER_DATE_NONE;
      char iso[16];

      if (!palier_date_parse_text (text, len, date_orders[i], &date, &error))
        {
          if (g_utf8_validate (text, len, NULL))
            fuzz_check_error (error, PALIER_PARSE_ERROR);
          continue;
        }

      fuzz_assert (error == NULL);
      fuzz_assert (palier_date_is_valid (date));
      n_ok[i] = 1;
      any_ok = TRUE;

      /* The ISO form reads back as the same date. */
      palier_date_format_iso (date, iso);
      {
        PalierDate read_back = PALIER_DATE_NONE;

        fuzz_assert (palier_date_parse_text (iso, strlen (iso), PALIER_DATE_ORDER_YMD, &read_back, NULL));
        fuzz_assert (read_back == date);
      }
    }

  /* The sniffer counts exactly the orders that read the value. */
  {
    guint ymd = sniffer->ymd_ok, mdy = sniffer->mdy_ok, dmy = sniffer->dmy_ok;

    palier_date_sniffer_add (sniffer, text, len);
    fuzz_assert (sniffer->ymd_ok - ymd == n_ok[0]);
    fuzz_assert (sniffer->mdy_ok - mdy == n_ok[1]);
    fuzz_assert (sniffer->dmy_ok - dmy == n_ok[2]);
    fuzz_assert (sniffer->n_values <= n_before + 1);
    if (any_ok)
      fuzz_assert (sniffer->n_values == n_before + 1);
  }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  PalierNumberSniffer numbers = { 0, };
  PalierDateSniffer dates = { 0, };
  PalierDecimalMark mark;
  PalierDateOrder order;
  gsize start = 0;

  fuzz_init ();

  for (guint n = 0; n < MAX_VALUES && start <= size; n++)
    {
      const char *newline = memchr (text + start, '\n', size - start);
      gsize end = newline != NULL ? (gsize) (newline - text) : size;

      check_number (text + start, end - start, &numbers);
      check_date (text + start, end - start, &dates);
      start = end + 1;
    }

  /* A decided mark or order has at least one value on its side. */
  mark = palier_number_sniffer_result (&numbers);
  fuzz_assert (mark != PALIER_DECIMAL_MARK_POINT || numbers.point_votes > 0);
  fuzz_assert (mark != PALIER_DECIMAL_MARK_COMMA || numbers.comma_votes > 0);
  fuzz_assert (numbers.point_votes + numbers.comma_votes + numbers.invalid <= numbers.n_values);

  order = palier_date_sniffer_result (&dates);
  fuzz_assert (order != PALIER_DATE_ORDER_YMD || dates.ymd_ok > 0);
  fuzz_assert (order != PALIER_DATE_ORDER_MDY || dates.mdy_ok > 0);
  fuzz_assert (order != PALIER_DATE_ORDER_DMY || dates.dmy_ok > 0);
  fuzz_assert (dates.ymd_ok <= dates.n_values);
  fuzz_assert (dates.mdy_ok <= dates.n_values);
  fuzz_assert (dates.dmy_ok <= dates.n_values);

  return 0;
}
