/* palier-sample-gen.c: writes the sample workspace's sales CSV
 *
 * The data is fictional and deterministic: partners, products and sales
 * come from a seeded xoshiro256** generator and integer arithmetic only,
 * so the same seed writes the same bytes on every machine.  Partner names
 * are built from invented syllables and belong to no real company.
 *
 * Partners fall in three segments (Gold, Silver, Registered) and four
 * regions.  Deals span two calendar years (2024 and 2025), with monthly
 * seasonality and 8 % growth in the second year.  Each deal has one to
 * four lines from four product categories, and a few lines are partly
 * returned later as negative lines that reuse the deal id.  Amounts and
 * margins have two decimals.
 */

#define G_LOG_DOMAIN "Palier"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#define DEFAULT_SEED     G_GUINT64_CONSTANT (20240101)
#define DEFAULT_PARTNERS 300
#define FIRST_YEAR       2024
#define N_YEARS          2
#define N_MONTHS         (12 * N_YEARS)

/* xoshiro256** seeded through splitmix64, as its authors recommend. */
typedef struct {
  guint64 s[4];
} Rng;

static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
rng_init (Rng     *rng,
          guint64  seed)
{
  for (guint i = 0; i < G_N_ELEMENTS (rng->s); i++)
    rng->s[i] = splitmix64_next (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

static guint64
rng_next (Rng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);

  return result;
}

/* Uniform integer in [0, n), without modulo bias. */
static guint32
rng_below (Rng     *rng,
           guint32  n)
{
  guint64 limit = G_MAXUINT64 - (G_MAXUINT64 % n);
  guint64 x;

  do
    x = rng_next (rng);
  while (x >= limit);

  return (guint32) (x % n);
}

/* Uniform integer in [low, high]. */
static gint32
rng_range (Rng    *rng,
           gint32  low,
           gint32  high)
{
  return low + (gint32) rng_below (rng, (guint32) (high - low + 1));
}

/* Returns TRUE with a probability of @per_thousand / 1000. */
static gboolean
rng_chance (Rng   *rng,
            guint  per_thousand)
{
  return rng_below (rng, 1000) < per_thousand;
}

/* Invented syllables; every partner name is two or three of them followed
 * by a trade word. */
static const char * const syllables[] = {
  "bra", "vel", "dor", "qui", "zan", "mor", "tek", "lu", "ven", "sar",
  "kol", "fen", "ri", "ost", "mal", "nix", "pra", "dal", "gor", "ith",
  "jun", "pel", "tra", "vo", "zel", "cam", "ser", "bo", "ny", "quel",
};

static const char * const trade_words[] = {
  "Trading", "Systems", "Distribution", "Supply", "Networks",
  "Solutions", "Partners", "Works", "Technik", "Office",
};

static const char * const regions[] = { "North", "South", "East", "West" };

typedef enum {
  SEGMENT_GOLD,
  SEGMENT_SILVER,
  SEGMENT_REGISTERED,
} Segment;

static const char * const segment_names[] = { "Gold", "Silver", "Registered" };

/* Average deals per month, in tenths, for each segment. */
static const guint segment_deal_rate[] = { 45, 20, 7 };

typedef struct {
  char    code[16];
  char   *name;
  Segment segment;
  guint   region;
  guint   size;             /* deal-rate multiplier in percent */
  int     first_month;      /* months since January of the first year */
} Partner;

typedef struct {
  const char *code;
  const char *category;
  gint64      price_cents;  /* list price per unit */
  gint64      cost_cents;   /* cost per unit */
  int         max_quantity;
} Product;

static const Product products[] = {
  { "HW-110", "Hardware", 189000, 142000, 6 },
  { "HW-120", "Hardware", 64900, 47500, 12 },
  { "HW-130", "Hardware", 23900, 16800, 20 },
  { "HW-140", "Hardware", 4590, 2900, 40 },
  { "SW-210", "Software", 52000, 9000, 25 },
  { "SW-220", "Software", 18900, 3100, 50 },
  { "SW-230", "Software", 7450, 1200, 80 },
  { "SW-240", "Software", 129000, 21000, 3 },
  { "SV-310", "Services", 9500, 5800, 40 },
  { "SV-320", "Services", 120000, 78000, 4 },
  { "SV-330", "Services", 45000, 29000, 6 },
  { "SV-340", "Services", 2750, 1700, 60 },
  { "SP-410", "Support", 36000, 14000, 10 },
  { "SP-420", "Support", 98000, 35000, 4 },
  { "SP-430", "Support", 12500, 4200, 20 },
  { "SP-440", "Support", 240000, 90000, 2 },
};

/* Relative weight of each calendar month, in percent: quarter-end months
 * and December are busy, summer is quiet. */
static const guint month_weight[12] = {
  70, 80, 120, 85, 90, 125, 75, 60, 120, 95, 110, 150,
};

typedef struct {
  int     date;             /* yyyymmdd */
  guint   sequence;         /* generation order, to break date ties */
  guint   partner;
  char    deal[16];
  guint   product;
  gint64  quantity;
  gint64  amount_cents;
  gint64  margin_cents;
} SaleLine;

static int
days_in_month (int year,
               int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return days[month - 1] + (month == 2 && leap ? 1 : 0);
}

static char *
make_partner_name (Rng        *rng,
                   GHashTable *used)
{
  for (;;)
    {
      g_autoptr(GString) name = g_string_new (NULL);
      guint n_syllables = (guint) rng_range (rng, 2, 3);

      for (guint i = 0; i < n_syllables; i++)
        g_string_append (name, syllables[rng_below (rng, G_N_ELEMENTS (syllables))]);
      name->str[0] = g_ascii_toupper (name->str[0]);
      g_string_append_printf (name, " %s",
                              trade_words[rng_below (rng, G_N_ELEMENTS (trade_words))]);

      if (!g_hash_table_contains (used, name->str))
        {
          char *result = g_string_free (g_steal_pointer (&name), FALSE);

          g_hash_table_add (used, result);
          return g_strdup (result);
        }
    }
}

static Partner *
make_partners (Rng  *rng,
               guint n_partners)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Partner *partners = g_new0 (Partner, n_partners);

  for (guint i = 0; i < n_partners; i++)
    {
      Partner *partner = &partners[i];
      guint draw = rng_below (rng, 100);

      g_snprintf (partner->code, sizeof partner->code, "P-%04u", i + 1);
      partner->name = make_partner_name (rng, used);
      if (draw < 10)
        partner->segment = SEGMENT_GOLD;
      else if (draw < 40)
        partner->segment = SEGMENT_SILVER;
      else
        partner->segment = SEGMENT_REGISTERED;
      partner->region = rng_below (rng, G_N_ELEMENTS (regions));
      partner->size = (guint) rng_range (rng, 50, 150);

      /* About one partner in eight joins during the two years. */
      partner->first_month = rng_chance (rng, 125) ? rng_range (rng, 3, N_MONTHS - 3) : 0;
    }

  return partners;
}

/* Number of deals for one partner in one month: the segment's rate scaled
 * by the partner's size, the month's weight and 8 % growth in the second
 * year, rounded at random so that the expectation is exact. */
static guint
draw_deal_count (Rng           *rng,
                 const Partner *partner,
                 int            month_index)
{
  guint64 scaled = (guint64) segment_deal_rate[partner->segment]
                   * partner->size
                   * month_weight[month_index % 12]
                   * (month_index >= 12 ? 108 : 100);
  guint64 unit = G_GUINT64_CONSTANT (10) * 100 * 100 * 100;

  return (guint) ((scaled + rng_below (rng, (guint32) unit)) / unit);
}

static void
fill_line (Rng      *rng,
           SaleLine *line)
{
  const Product *product;
  static const gint64 discounts[] = { 0, 0, 0, 5, 5, 10, 15 };
  gint64 discount;
  gint64 list_cents;

  line->product = rng_below (rng, G_N_ELEMENTS (products));
  product = &products[line->product];
  line->quantity = rng_range (rng, 1, product->max_quantity);
  discount = discounts[rng_below (rng, G_N_ELEMENTS (discounts))];

  /* Amounts in cents, with the discount rounded half up to the cent. */
  list_cents = line->quantity * product->price_cents;
  line->amount_cents = (list_cents * (100 - discount) + 50) / 100;
  line->margin_cents = line->amount_cents - line->quantity * product->cost_cents;
}

static void
add_return (Rng            *rng,
            GArray         *lines,
            const SaleLine *original,
            guint          *sequence)
{
  SaleLine credit = *original;
  int year = original->date / 10000;
  int month = original->date / 100 % 100;
  int day = original->date % 100 + rng_range (rng, 3, 20);

  if (day > days_in_month (year, month))
    {
      day -= days_in_month (year, month);
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
  if (year >= FIRST_YEAR + N_YEARS)
    return;

  credit.date = year * 10000 + month * 100 + day;
  credit.sequence = (*sequence)++;
  credit.quantity = -rng_range (rng, 1, (gint32) original->quantity);
  credit.amount_cents = original->amount_cents * credit.quantity / original->quantity;
  credit.margin_cents = original->margin_cents * credit.quantity / original->quantity;
  g_array_append_val (lines, credit);
}

static void
make_deals (Rng           *rng,
            const Partner *partners,
            guint          n_partners,
            GArray        *lines)
{
  guint sequence = 0;
  guint deal_number = 0;

  for (int m = 0; m < N_MONTHS; m++)
    {
      int year = FIRST_YEAR + m / 12;
      int month = m % 12 + 1;

      for (guint p = 0; p < n_partners; p++)
        {
          guint n_deals;

          if (m < partners[p].first_month)
            continue;

          n_deals = draw_deal_count (rng, &partners[p], m);
          for (guint d = 0; d < n_deals; d++)
            {
              int day = rng_range (rng, 1, days_in_month (year, month));
              guint n_lines = (guint) rng_range (rng, 1, 4);
              char deal[16];

              g_snprintf (deal, sizeof deal, "D-%06u", ++deal_number);
              for (guint l = 0; l < n_lines; l++)
                {
                  SaleLine line = { 0 };

                  line.date = year * 10000 + month * 100 + day;
                  line.sequence = sequence++;
                  line.partner = p;
                  memcpy (line.deal, deal, sizeof deal);
                  fill_line (rng, &line);
                  g_array_append_val (lines, line);

                  /* About one line in 80 is partly returned later. */
                  if (rng_chance (rng, 12))
                    add_return (rng, lines, &line, &sequence);
                }
            }
        }
    }
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  const SaleLine *x = a;
  const SaleLine *y = b;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  return x->sequence < y->sequence ? -1 : x->sequence > y->sequence;
}

static void
append_cents (GString *out,
              gint64   cents)
{
  guint64 magnitude = cents < 0 ? (guint64) -cents : (guint64) cents;

  g_string_append_printf (out, "%s%" G_GUINT64_FORMAT ".%02u",
                          cents < 0 ? "-" : "",
                          magnitude / 100, (guint) (magnitude % 100));
}

static void
write_csv (GString        *out,
           const Partner  *partners,
           GArray         *lines)
{
  g_string_append (out, "Date,Deal ID,Partner ID,Partner Name,Segment,Region,"
                        "Product,Category,Quantity,Amount,Margin\n");

  for (guint i = 0; i < lines->len; i++)
    {
      const SaleLine *line = &g_array_index (lines, SaleLine, i);
      const Partner *partner = &partners[line->partner];
      const Product *product = &products[line->product];

      g_string_append_printf (out, "%04d-%02d-%02d,%s,%s,%s,%s,%s,%s,%s,%" G_GINT64_FORMAT ",",
                              line->date / 10000, line->date / 100 % 100, line->date % 100,
                              line->deal, partner->code, partner->name,
                              segment_names[partner->segment], regions[partner->region],
                              product->code, product->category, line->quantity);
      append_cents (out, line->amount_cents);
      g_string_append_c (out, ',');
      append_cents (out, line->margin_cents);
      g_string_append_c (out, '\n');
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) out = NULL;
  gint64 seed = (gint64) DEFAULT_SEED;
  int n_partners = DEFAULT_PARTNERS;
  Partner *partners;
  Rng rng;
  const GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed,
      "Seed of the random generator (default 20240101)", "N" },
    { "partners", 0, 0, G_OPTION_ARG_INT, &n_partners,
      "Number of partners (default 300)", "N" },
    { NULL }
  };

  context = g_option_context_new ("OUTPUT.csv — write Palier's fictional sample sales");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("palier-sample-gen: %s\n", error->message);
      return 2;
    }
  if (argc != 2 || n_partners < 1 || n_partners > 9999)
    {
      g_printerr ("Usage: palier-sample-gen [--seed N] [--partners 1..9999] OUTPUT.csv\n");
      return 2;
    }

  rng_init (&rng, (guint64) seed);
  partners = make_partners (&rng, (guint) n_partners);
  lines = g_array_new (FALSE, FALSE, sizeof (SaleLine));
  make_deals (&rng, partners, (guint) n_partners, lines);
  g_array_sort (lines, compare_lines);

  out = g_string_new (NULL);
  write_csv (out, partners, lines);
  for (int i = 0; i < n_partners; i++)
    g_free (partners[i].name);
  g_free (partners);

  /* g_file_set_contents() writes a temporary file and renames it, so an
   * interrupted build never leaves a truncated CSV behind. */
  if (!g_file_set_contents (argv[1], out->str, (gssize) out->len, &error))
    {
      g_printerr ("palier-sample-gen: %s\n", error->message);
      return 1;
    }

  return 0;
}
