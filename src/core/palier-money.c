/* palier-money.c: currencies and locale-aware display of amounts
 *
 * Display follows the current locale through nl_langinfo(), which the
 * glibc manual marks MT-Safe, unlike localeconv().
 * The C locale defines no grouping, separator or currency placement, so
 * there the display falls back to "1,234.56" with the symbol before the
 * number, as in English.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <langinfo.h>
#include <limits.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-money.h"

typedef struct {
  const char *code;
  int         digits;
} MinorDigits;

/* ISO 4217 currencies whose minor unit is not 2 decimals. */
static const MinorDigits minor_digits_table[] = {
  { "BHD", 3 }, { "BIF", 0 }, { "CLF", 4 }, { "CLP", 0 }, { "DJF", 0 },
  { "GNF", 0 }, { "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 },
  { "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "OMR", 3 },
  { "PYG", 0 }, { "RWF", 0 }, { "TND", 3 }, { "UGX", 0 }, { "UYI", 0 },
  { "UYW", 4 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 },
  { "XPF", 0 },
};

typedef struct {
  const char *code;
  const char *symbol;
} CurrencySymbol;

/* Symbols that identify their currency without the code.  Dollars other
 * than USD carry a country prefix so that "$" stays unambiguous. */
static const CurrencySymbol symbol_table[] = {
  { "AUD", "A$" }, { "BRL", "R$" }, { "CAD", "CA$" }, { "CNY", "CN¥" },
  { "EUR", "€" }, { "GBP", "£" }, { "HKD", "HK$" }, { "ILS", "₪" },
  { "INR", "₹" }, { "JPY", "¥" }, { "KRW", "₩" }, { "MXN", "MX$" },
  { "NGN", "₦" }, { "NZD", "NZ$" }, { "PHP", "₱" }, { "PLN", "zł" },
  { "RUB", "₽" }, { "THB", "฿" }, { "TRY", "₺" }, { "UAH", "₴" },
  { "USD", "$" }, { "VND", "₫" },
};

/* Decimal mark, group separator and grouping (the byte string of
 * localeconv()'s grouping member) used to print one number. */
typedef struct {
  const char *mark;
  const char *separator;
  const char *grouping;
} NumberStyle;

/* The English style, used where the locale defines none. */
static const NumberStyle fallback_style = { ".", ",", "\3" };

int
palier_currency_minor_digits (const char *currency)
{
  g_return_val_if_fail (currency != NULL, 2);

  for (gsize i = 0; i < G_N_ELEMENTS (minor_digits_table); i++)
    {
      if (g_str_equal (currency, minor_digits_table[i].code))
        return minor_digits_table[i].digits;
    }
  return 2;
}

gboolean
palier_currency_is_valid (const char *currency)
{
  g_return_val_if_fail (currency != NULL, FALSE);

  for (int i = 0; i < 3; i++)
    {
      if (currency[i] < 'A' || currency[i] > 'Z')
        return FALSE;
    }
  return currency[3] == '\0';
}

/* Returns @currency itself for codes without a known symbol, so the result
 * lives as long as @currency does in that case. */
const char *
palier_currency_symbol (const char *currency)
{
  g_return_val_if_fail (currency != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (symbol_table); i++)
    {
      if (g_str_equal (currency, symbol_table[i].code))
        return symbol_table[i].symbol;
    }
  return currency;
}

static NumberStyle
numeric_style (void)
{
  NumberStyle style = {
    nl_langinfo (RADIXCHAR),
    nl_langinfo (THOUSEP),
    nl_langinfo (GROUPING),
  };

  if (style.mark[0] == '\0')
    style.mark = fallback_style.mark;
  if (style.separator[0] == '\0' && style.grouping[0] == '\0')
    {
      style.separator = fallback_style.separator;
      style.grouping = fallback_style.grouping;
    }
  return style;
}

static NumberStyle
monetary_style (void)
{
  NumberStyle style = {
    nl_langinfo (MON_DECIMAL_POINT),
    nl_langinfo (MON_THOUSANDS_SEP),
    nl_langinfo (MON_GROUPING),
  };

  /* A locale without monetary conventions (C, POSIX) leaves all three
   * empty. */
  if (style.mark[0] == '\0')
    return fallback_style;
  return style;
}

/* Appends the @n_digits integer digits at @digits, grouped by
 * @style->grouping.  Each byte of it is the size of the next group to the
 * left, the last size repeats, and CHAR_MAX stops grouping. */
static void
append_grouped (GString           *out,
                const char        *digits,
                gsize              n_digits,
                const NumberStyle *style)
{
  gsize breaks[64];
  gsize n_breaks = 0;
  gsize remaining = n_digits;
  const char *size = style->grouping;
  gsize start = 0;

  /* Collect the group boundaries from the right. */
  while (*size != '\0' && *size != CHAR_MAX && *size > 0 &&
         remaining > (gsize) *size && n_breaks < G_N_ELEMENTS (breaks))
    {
      remaining -= (gsize) *size;
      breaks[n_breaks++] = remaining;
      if (size[1] != '\0')
        size++;
    }

  for (gsize i = n_breaks; i > 0; i--)
    {
      g_string_append_len (out, digits + start, (gssize) (breaks[i - 1] - start));
      g_string_append (out, style->separator);
      start = breaks[i - 1];
    }
  g_string_append_len (out, digits + start, (gssize) (n_digits - start));
}

/* Writes |@value| rounded to @decimals decimals in @style.  Sets
 * @out_negative when the rounded value is below zero, so an amount that
 * rounds to zero gets no sign. */
static char *
format_magnitude (PalierDecimal      value,
                  int                decimals,
                  const NumberStyle *style,
                  gboolean          *out_negative)
{
  char plain[PALIER_DECIMAL_BUFSIZE];
  const char *digits = palier_decimal_format (value, decimals, plain);
  const char *point;
  GString *out = g_string_new (NULL);

  *out_negative = digits[0] == '-';
  if (*out_negative)
    digits++;

  point = strchr (digits, '.');
  append_grouped (out, digits, point != NULL ? (gsize) (point - digits) : strlen (digits),
                  style);
  if (point != NULL)
    {
      g_string_append (out, style->mark);
      g_string_append (out, point + 1);
    }

  return g_string_free (out, FALSE);
}

char *
palier_format_number (PalierDecimal   value,
                      int             decimals)
{
  NumberStyle style;
  g_autofree char *magnitude = NULL;
  gboolean negative;

  g_return_val_if_fail (decimals >= 0 && decimals <= PALIER_DECIMAL_DIGITS, NULL);

  style = numeric_style ();
  magnitude = format_magnitude (value, decimals, &style, &negative);

  return negative ? g_strconcat ("-", magnitude, NULL) : g_steal_pointer (&magnitude);
}

/* Currency placement of the current LC_MONETARY, for a positive or a
 * negative amount, with the meanings of the localeconv() members of the
 * same names. */
typedef struct {
  gboolean    cs_precedes;
  int         sep_by_space;
  int         sign_posn;
  const char *sign;
} MoneyLayout;

static MoneyLayout
money_layout (gboolean negative)
{
  MoneyLayout layout;
  char precedes = nl_langinfo (negative ? N_CS_PRECEDES : P_CS_PRECEDES)[0];

  /* The C locale leaves the placement unspecified: localeconv() reports
   * CHAR_MAX, and nl_langinfo() in glibc 2.36 returns the byte 0xff. */
  if (precedes != 0 && precedes != 1)
    {
      layout.cs_precedes = TRUE;
      layout.sep_by_space = 0;
      layout.sign_posn = 1;
      layout.sign = negative ? "-" : "";
      return layout;
    }

  layout.cs_precedes = precedes == 1;
  layout.sep_by_space = nl_langinfo (negative ? N_SEP_BY_SPACE : P_SEP_BY_SPACE)[0];
  layout.sign_posn = nl_langinfo (negative ? N_SIGN_POSN : P_SIGN_POSN)[0];
  layout.sign = nl_langinfo (negative ? NEGATIVE_SIGN : POSITIVE_SIGN);
  if (negative && layout.sign[0] == '\0' && layout.sign_posn != 0)
    layout.sign = "-";
  if (layout.sep_by_space < 0 || layout.sep_by_space > 2)
    layout.sep_by_space = 0;
  if (layout.sign_posn < 0 || layout.sign_posn > 4)
    layout.sign_posn = 1;
  return layout;
}

/* Assembles sign, symbol and quantity as POSIX describes for localeconv().
 * sign_posn places the sign: 0 parentheses, 1 before all, 2 after all,
 * 3 just before the symbol, 4 just after it.  sep_by_space puts a space
 * between symbol and quantity (1) or between the sign and its neighbour
 * (2). */
static char *
assemble_money (const MoneyLayout *layout,
                const char        *quantity,
                const char        *symbol)
{
  gboolean sign_at_symbol = layout->sign_posn == 3 || layout->sign_posn == 4;
  gboolean has_sign = layout->sign[0] != '\0' && layout->sign_posn != 0;
  const char *sign_space = layout->sep_by_space == 2 && has_sign ? " " : "";
  g_autofree char *symbol_part = NULL;
  g_autofree char *body = NULL;
  const char *middle = layout->sep_by_space == 1 ? " " : "";

  if (layout->sign_posn == 3)
    symbol_part = g_strconcat (layout->sign, sign_space, symbol, NULL);
  else if (layout->sign_posn == 4)
    symbol_part = g_strconcat (symbol, sign_space, layout->sign, NULL);
  else
    symbol_part = g_strdup (symbol);

  if (layout->cs_precedes)
    body = g_strconcat (symbol_part, middle, quantity, NULL);
  else
    body = g_strconcat (quantity, middle, symbol_part, NULL);

  if (layout->sign_posn == 0)
    return g_strconcat ("(", body, ")", NULL);
  if (sign_at_symbol)
    return g_steal_pointer (&body);
  if (layout->sign_posn == 1)
    return g_strconcat (layout->sign, sign_space, body, NULL);
  return g_strconcat (body, sign_space, layout->sign, NULL);
}

char *
palier_format_money (PalierDecimal   value,
                     const char     *currency)
{
  NumberStyle style;
  MoneyLayout layout;
  const char *symbol;
  g_autofree char *quantity = NULL;
  gboolean negative;

  g_return_val_if_fail (currency != NULL, NULL);

  style = monetary_style ();
  quantity = format_magnitude (value, palier_currency_minor_digits (currency),
                               &style, &negative);
  layout = money_layout (negative);
  symbol = palier_currency_symbol (currency);

  /* A code such as "BHD" would run into the digits, so it always gets a
   * space, as the locale's international form does. */
  if (symbol == currency && layout.sep_by_space == 0)
    layout.sep_by_space = 1;

  return assemble_money (&layout, quantity, symbol);
}

char *
palier_format_percent (PalierDecimal   ratio,
                       int             decimals)
{
  PalierDecimal percent;
  g_autofree char *number = NULL;

  g_return_val_if_fail (decimals >= 0 && decimals <= PALIER_DECIMAL_DIGITS, NULL);

  /* Ratios beyond about ±92 billion do not occur in payouts, so they
   * print as the limit. */
  if (__builtin_mul_overflow (ratio, 100, &percent) || percent < PALIER_DECIMAL_MIN)
    percent = ratio < 0 ? PALIER_DECIMAL_MIN : PALIER_DECIMAL_MAX;

  number = palier_format_number (percent, decimals);

  /* TRANSLATORS: a percentage; %s is the number, already formatted for
   * the locale.  French writes "%s %%" with U+202F NARROW NO-BREAK SPACE
   * before the sign. */
  return g_strdup_printf (_("%s%%"), number);
}
