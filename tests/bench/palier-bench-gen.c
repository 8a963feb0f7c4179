/* palier-bench-gen.c: deterministic sales data for the benchmarks
 *
 * Writes a sales CSV of exactly --rows lines over 2022-01-01..2024-12-31
 * and, on request, the matching partners CSV.  Everything comes from one
 * xoshiro256** stream seeded with splitmix64, and every amount is computed
 * with integers, so one seed and row count give the same bytes on every
 * machine.
 *
 * The business is the same at every size.  About 5 000 partners have
 * sizes that follow a Zipf-Mandelbrot law, 1 / (rank + 5), so the top
 * fifth makes about three quarters of the revenue.  Three segments are
 * decided by rank.  Sales follow a monthly seasonality with quarter-end
 * peaks and grow about 11 % a year.  Unit prices are scaled by
 * 1 000 000 / rows, so the total revenue stays roughly constant and only
 * the size of each line changes.  That keeps one program's quotas
 * meaningful at every size.
 */

#define G_LOG_DOMAIN "Palier"

#include <glib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#define N_PARTNERS            5000
#define PRODUCTS_PER_CATEGORY 120
#define REFERENCE_ROWS        G_GUINT64_CONSTANT (1000000)
#define FIRST_YEAR            2022
#define N_YEARS               3
#define MAX_DAYS              (366 * N_YEARS)
#define RETURN_PER_10000      200      /* 2 % of lines are returns */
#define OUTPUT_BUFFER_SIZE    (1 << 20)
#define MAX_LINE              256

/* Random numbers */

typedef struct {
  guint64 s[4];
} BenchRng;

static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static void
bench_rng_init (BenchRng *rng,
                guint64   seed)
{
  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64_next (&seed);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* xoshiro256** by Blackman and Vigna (public domain algorithm). */
static inline guint64
bench_rng_next (BenchRng *rng)
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

/* Returns a number in [0, bound) by the multiply-high method.  Its bias
 * is below bound / 2^64, far too small to matter here.  No draw is
 * rejected, so the stream depends on nothing but the seed. */
static inline guint64
bench_rng_below (BenchRng *rng,
                 guint64   bound)
{
  unsigned __int128 product = (unsigned __int128) bench_rng_next (rng) * bound;

  return (guint64) (product >> 64);
}

static inline gint64
bench_rng_range (BenchRng *rng,
                 gint64    low,
                 gint64    high)
{
  return low + (gint64) bench_rng_below (rng, (guint64) (high - low + 1));
}

/* Draws an index with probability proportional to its integer weight. */
static guint
bench_rng_pick (BenchRng     *rng,
                const guint  *weights,
                guint         n)
{
  guint64 total = 0;
  guint64 draw;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  draw = bench_rng_below (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (draw < weights[i])
        return i;
      draw -= weights[i];
    }

  return n - 1;
}

/* Calendar */

typedef struct {
  char    text[11];                    /* YYYY-MM-DD */
  guint64 weight;
} BenchDay;

static const guint month_weights[12] = {
  80, 85, 120, 90, 95, 125, 80, 70, 120, 100, 110, 135,
};

/* Monday first. */
static const guint weekday_weights[7] = { 100, 100, 100, 100, 100, 12, 4 };

static gboolean
is_leap_year (int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int year,
               int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  return month == 2 && is_leap_year (year) ? 29 : days[month - 1];
}

/* Fills @days with the dates from FIRST_YEAR-01-01 over N_YEARS years and
 * their sales weights: month, weekday and a linear growth of about 11 %
 * a year.  Returns the number of days. */
static guint
calendar_fill (BenchDay *days)
{
  guint n_days = 0;
  guint total_days = 0;
  int weekday = 5;                     /* 2022-01-01 was a Saturday */

  for (int year = FIRST_YEAR; year < FIRST_YEAR + N_YEARS; year++)
    total_days += is_leap_year (year) ? 366 : 365;

  for (int year = FIRST_YEAR; year < FIRST_YEAR + N_YEARS; year++)
    for (int month = 1; month <= 12; month++)
      for (int day = 1; day <= days_in_month (year, month); day++)
        {
          BenchDay *d = &days[n_days];
          guint64 growth = 1000 + (guint64) 330 * n_days / total_days;

          g_snprintf (d->text, sizeof d->text, "%04d-%02d-%02d", year, month, day);
          d->weight = (guint64) month_weights[month - 1] * weekday_weights[weekday] * growth;
          weekday = (weekday + 1) % 7;
          n_days++;
        }

  return n_days;
}

/* Catalog */

typedef struct {
  const char *name;
  const char *prefix;
  guint       weight;
  guint       margin_min_bp;           /* list margin, basis points */
  guint       margin_max_bp;
} BenchCategory;

static const BenchCategory categories[] = {
  { "Hardware",   "HW", 30,  800, 1800 },
  { "Software",   "SW", 22, 2500, 4500 },
  { "Services",   "SV", 18, 2000, 4000 },
  { "Networking", "NW", 18, 1200, 2500 },
  { "Storage",    "ST", 12, 1000, 2200 },
};
#define N_CATEGORIES G_N_ELEMENTS (categories)

typedef struct {
  char    code[16];
  gint64  price_cents;                 /* list price at REFERENCE_ROWS */
  gint64  max_quantity;
  guint   margin_bp;
} BenchProduct;

/* Price bands in cents with their weights and the largest quantity a
 * line of that band orders: cheap items sell by the dozen. */
static const struct {
  guint  weight;
  gint64 low;
  gint64 high;
  gint64 max_quantity;
} price_bands[] = {
  { 40,   2000,   15000, 20 },
  { 35,  15000,   90000,  8 },
  { 20,  90000,  400000,  3 },
  {  5, 400000, 1500000,  2 },
};

static void
catalog_fill (BenchRng     *rng,
              BenchProduct  products[][PRODUCTS_PER_CATEGORY])
{
  guint band_weights[G_N_ELEMENTS (price_bands)];

  for (guint b = 0; b < G_N_ELEMENTS (price_bands); b++)
    band_weights[b] = price_bands[b].weight;

  for (guint c = 0; c < N_CATEGORIES; c++)
    for (guint p = 0; p < PRODUCTS_PER_CATEGORY; p++)
      {
        BenchProduct *product = &products[c][p];
        guint band = bench_rng_pick (rng, band_weights, G_N_ELEMENTS (band_weights));

        g_snprintf (product->code, sizeof product->code, "%s-%04u",
                    categories[c].prefix, 1000 + p);
        product->price_cents = bench_rng_range (rng, price_bands[band].low,
                                                price_bands[band].high);
        product->max_quantity = price_bands[band].max_quantity;
        product->margin_bp = (guint) bench_rng_range (rng, categories[c].margin_min_bp,
                                                      categories[c].margin_max_bp);
      }
}

/* Partners */

static const char *const segments[] = { "Gold", "Silver", "Bronze" };
static const char *const regions[] = { "North", "South", "East", "West", "Central" };

static const char *const name_firsts[] = {
  "Alder", "Bramble", "Cobalt", "Dunmore", "Ember", "Fallow", "Garnet",
  "Hollin", "Iverly", "Juniper", "Kestrel", "Larchmont", "Marrow", "Nettle",
  "Oakhurst", "Pellam", "Quillon", "Rowan", "Sable", "Thistle", "Umber",
  "Vantor", "Wrenfield", "Yarrow", "Zephyrine", "Ashgrove", "Birchley",
  "Corvane", "Dellwyn", "Elmstead",
};

static const char *const name_seconds[] = {
  "Ridge", "Bay", "Crest", "Vale", "Harbor", "Point", "Field", "Stone",
  "Brook", "Gate", "Peak", "Hollow", "Mill", "Ford", "Glen", "Moor",
  "Heath", "Cove", "Reach", "Dale",
};

static const char *const name_thirds[] = {
  "Systems", "Networks", "Solutions", "Partners", "Digital", "Supply",
  "Technologies", "Group", "Integrators", "Data", "Computing", "Services",
  "Distribution", "Labs", "Trading",
};

#define N_NAMES (G_N_ELEMENTS (name_firsts) * G_N_ELEMENTS (name_seconds) \
                 * G_N_ELEMENTS (name_thirds))

G_STATIC_ASSERT (N_NAMES >= N_PARTNERS);

typedef struct {
  char        id[8];                   /* P00001 */
  guint       rank;                    /* 1 is the largest partner */
  guint       segment;
  guint       region;
  guint       primary_category;
  guint       name_index;
  guint       start_day;               /* days before FIRST_YEAR-01-01 */
} BenchPartner;

static void
shuffle (BenchRng *rng,
         guint    *values,
         guint     n)
{
  for (guint i = n - 1; i > 0; i--)
    {
      guint j = (guint) bench_rng_below (rng, i + 1);
      guint tmp = values[i];

      values[i] = values[j];
      values[j] = tmp;
    }
}

/* Fills @partners and the cumulative draw weights @cumulative (one per
 * partner, in id order).  Rank r weighs 10^12 / (r + 5).  The top 5 % of
 * ranks are Gold, the next 25 % Silver, the rest Bronze. */
static void
partners_fill (BenchRng     *rng,
               BenchPartner *partners,
               guint64      *cumulative)
{
  g_autofree guint *ranks = g_new (guint, N_PARTNERS);
  g_autofree guint *names = g_new (guint, N_NAMES);
  guint category_weights[N_CATEGORIES];
  guint64 sum = 0;

  for (guint i = 0; i < N_PARTNERS; i++)
    ranks[i] = i + 1;
  for (guint i = 0; i < N_NAMES; i++)
    names[i] = i;
  for (guint c = 0; c < N_CATEGORIES; c++)
    category_weights[c] = categories[c].weight;

  shuffle (rng, ranks, N_PARTNERS);
  shuffle (rng, names, N_NAMES);

  for (guint i = 0; i < N_PARTNERS; i++)
    {
      BenchPartner *partner = &partners[i];

      g_snprintf (partner->id, sizeof partner->id, "P%05u", i + 1);
      partner->rank = ranks[i];
      if (partner->rank <= N_PARTNERS / 20)
        partner->segment = 0;
      else if (partner->rank <= N_PARTNERS * 3 / 10)
        partner->segment = 1;
      else
        partner->segment = 2;
      partner->region = (guint) bench_rng_below (rng, G_N_ELEMENTS (regions));
      partner->primary_category = bench_rng_pick (rng, category_weights, N_CATEGORIES);
      partner->name_index = names[i];
      partner->start_day = 1 + (guint) bench_rng_below (rng, 12 * 365);

      sum += G_GUINT64_CONSTANT (1000000000000) / (partner->rank + 5);
      cumulative[i] = sum;
    }
}

static guint
partners_draw (BenchRng      *rng,
               const guint64 *cumulative)
{
  guint64 draw = bench_rng_below (rng, cumulative[N_PARTNERS - 1]);
  guint low = 0;
  guint high = N_PARTNERS - 1;

  /* The first partner whose cumulative weight exceeds the draw. */
  while (low < high)
    {
      guint mid = (low + high) / 2;

      if (cumulative[mid] > draw)
        high = mid;
      else
        low = mid + 1;
    }

  return low;
}

/* Output */

typedef struct {
  FILE       *file;
  const char *path;
  char       *data;
  gsize       len;
} BenchWriter;

static gboolean
bench_writer_flush (BenchWriter  *writer,
                    GError      **error)
{
  if (writer->len > 0 && fwrite (writer->data, 1, writer->len, writer->file) != writer->len)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: write failed: %s", writer->path, g_strerror (saved_errno));
      return FALSE;
    }

  writer->len = 0;
  return TRUE;
}

static gboolean
bench_writer_append (BenchWriter  *writer,
                     const char   *text,
                     GError      **error)
{
  gsize len = strlen (text);

  g_assert (len <= OUTPUT_BUFFER_SIZE);

  if (writer->len + len > OUTPUT_BUFFER_SIZE && !bench_writer_flush (writer, error))
    return FALSE;

  memcpy (writer->data + writer->len, text, len);
  writer->len += len;
  return TRUE;
}

static inline void
put_text (char       **cursor,
          const char  *text)
{
  gsize len = strlen (text);

  memcpy (*cursor, text, len);
  *cursor += len;
}

static inline void
put_unsigned (char    **cursor,
              guint64   value)
{
  char digits[24];
  int n = 0;

  do
    {
      digits[n++] = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value > 0);

  while (n > 0)
    *(*cursor)++ = digits[--n];
}

static inline void
put_signed (char   **cursor,
            gint64   value)
{
  if (value < 0)
    {
      *(*cursor)++ = '-';
      put_unsigned (cursor, (guint64) -value);
    }
  else
    put_unsigned (cursor, (guint64) value);
}

/* Writes @cents as an amount with exactly two decimals ("-12.05"). */
static inline void
put_cents (char   **cursor,
           gint64   cents)
{
  guint64 magnitude = cents < 0 ? (guint64) -cents : (guint64) cents;

  if (cents < 0)
    *(*cursor)++ = '-';
  put_unsigned (cursor, magnitude / 100);
  *(*cursor)++ = '.';
  *(*cursor)++ = (char) ('0' + magnitude / 10 % 10);
  *(*cursor)++ = (char) ('0' + magnitude % 10);
}

/* Returns a / b rounded half away from zero (b > 0). */
static inline gint64
div_round (gint64 a,
           gint64 b)
{
  return a >= 0 ? (a + b / 2) / b : -((-a + b / 2) / b);
}

/* Sales */

typedef struct {
  BenchRng       rng;
  guint64        n_rows;
  BenchDay       days[MAX_DAYS];
  guint          n_days;
  BenchProduct   products[N_CATEGORIES][PRODUCTS_PER_CATEGORY];
  BenchPartner   partners[N_PARTNERS];
  guint64        cumulative[N_PARTNERS];
  guint          category_weights[N_CATEGORIES];
  guint64        next_deal;
} BenchGenerator;

/* A product index skewed towards the first codes of the category: the
 * smaller of two uniform draws. */
static guint
draw_product (BenchRng *rng)
{
  guint a = (guint) bench_rng_below (rng, PRODUCTS_PER_CATEGORY);
  guint b = (guint) bench_rng_below (rng, PRODUCTS_PER_CATEGORY);

  return MIN (a, b);
}

static gint64
draw_quantity (BenchRng *rng,
               gint64    max_quantity)
{
  /* Mostly small orders, now and then the largest one. */
  if (bench_rng_below (rng, 10) == 0)
    return max_quantity;
  return bench_rng_range (rng, 1, MAX (1, max_quantity / 2));
}

/* Writes one line of a deal. */
static void
write_sale_line (BenchGenerator     *gen,
                 char              **cursor,
                 const BenchDay     *day,
                 const BenchPartner *partner,
                 guint64             deal,
                 gint64              discount_bp)
{
  BenchRng *rng = &gen->rng;
  guint category = bench_rng_below (rng, 2) == 0
    ? partner->primary_category
    : bench_rng_pick (rng, gen->category_weights, N_CATEGORIES);
  const BenchProduct *product = &gen->products[category][draw_product (rng)];
  gint64 unit_cents = MAX (1, product->price_cents * (gint64) REFERENCE_ROWS / (gint64) gen->n_rows);
  gint64 unit_cost = div_round (unit_cents * (10000 - (gint64) product->margin_bp), 10000);
  gint64 quantity = draw_quantity (rng, product->max_quantity);
  gint64 amount;
  gint64 margin;

  if (bench_rng_below (rng, 10000) < RETURN_PER_10000)
    quantity = -quantity;

  amount = div_round (quantity * unit_cents * (10000 - discount_bp), 10000);
  margin = amount - quantity * unit_cost;

  put_text (cursor, day->text);
  *(*cursor)++ = ',';
  put_text (cursor, partner->id);
  *(*cursor)++ = ',';
  put_text (cursor, product->code);
  *(*cursor)++ = ',';
  put_text (cursor, categories[category].name);
  *(*cursor)++ = ',';
  put_text (cursor, regions[partner->region]);
  *(*cursor)++ = ',';
  put_text (cursor, segments[partner->segment]);
  *(*cursor)++ = ',';
  *(*cursor)++ = 'D';
  put_unsigned (cursor, 10000000 + deal);
  *(*cursor)++ = ',';
  put_signed (cursor, quantity);
  *(*cursor)++ = ',';
  put_cents (cursor, amount);
  *(*cursor)++ = ',';
  put_cents (cursor, margin);
  *(*cursor)++ = '\n';
}

static guint
draw_deal_lines (BenchRng *rng)
{
  static const guint weights[] = { 30, 25, 18, 12, 8, 4, 2, 1 };

  return 1 + bench_rng_pick (rng, weights, G_N_ELEMENTS (weights));
}

static gint64
draw_discount_bp (BenchRng *rng)
{
  if (bench_rng_below (rng, 10) < 4)
    return 0;
  return bench_rng_range (rng, 100, 1500);
}

/* Writes the @n_rows lines of one day as deals of one to eight lines.
 * The last deal of the day is cut short when the day's count runs out. */
static gboolean
write_day (BenchGenerator  *gen,
           BenchWriter     *writer,
           const BenchDay  *day,
           guint64          n_rows,
           GError         **error)
{
  while (n_rows > 0)
    {
      const BenchPartner *partner = &gen->partners[partners_draw (&gen->rng, gen->cumulative)];
      guint64 n_lines = draw_deal_lines (&gen->rng);
      gint64 discount_bp = draw_discount_bp (&gen->rng);
      guint64 deal = gen->next_deal++;

      n_lines = MIN (n_lines, n_rows);
      for (guint64 i = 0; i < n_lines; i++)
        {
          char *cursor;

          if (writer->len + MAX_LINE > OUTPUT_BUFFER_SIZE && !bench_writer_flush (writer, error))
            return FALSE;

          cursor = writer->data + writer->len;
          write_sale_line (gen, &cursor, day, partner, deal, discount_bp);
          writer->len = (gsize) (cursor - writer->data);
        }

      n_rows -= n_lines;
    }

  return TRUE;
}

/* Spreads the rows over the days in proportion to their weights, with
 * exact integer shares that add up to n_rows. */
static gboolean
write_sales (BenchGenerator  *gen,
             BenchWriter     *writer,
             GError         **error)
{
  unsigned __int128 total_weight = 0;
  unsigned __int128 cumulative_weight = 0;
  guint64 rows_before = 0;

  for (guint d = 0; d < gen->n_days; d++)
    total_weight += gen->days[d].weight;

  if (!bench_writer_append (writer, "date,partner,product,category,region,segment,deal,"
                            "quantity,amount,margin\n", error))
    return FALSE;

  for (guint d = 0; d < gen->n_days; d++)
    {
      guint64 rows_through;

      cumulative_weight += gen->days[d].weight;
      rows_through = (guint64) (cumulative_weight * gen->n_rows / total_weight);

      if (!write_day (gen, writer, &gen->days[d], rows_through - rows_before, error))
        return FALSE;

      rows_before = rows_through;
    }

  return bench_writer_flush (writer, error);
}

/* Partners file: partner,name,segment,region,start. */
static gboolean
write_partners (BenchGenerator  *gen,
                BenchWriter     *writer,
                GError         **error)
{
  g_autoptr(GDateTime) epoch = g_date_time_new_utc (FIRST_YEAR, 1, 1, 0, 0, 0);
  guint n2 = G_N_ELEMENTS (name_seconds);
  guint n3 = G_N_ELEMENTS (name_thirds);

  if (!bench_writer_append (writer, "partner,name,segment,region,start\n", error))
    return FALSE;

  for (guint i = 0; i < N_PARTNERS; i++)
    {
      const BenchPartner *partner = &gen->partners[i];
      guint index = partner->name_index;
      g_autoptr(GDateTime) start = g_date_time_add_days (epoch, -(int) partner->start_day);
      g_autofree char *start_text = g_date_time_format (start, "%Y-%m-%d");
      g_autofree char *line = g_strdup_printf ("%s,%s %s %s,%s,%s,%s\n",
                                               partner->id,
                                               name_firsts[index / (n2 * n3)],
                                               name_seconds[index / n3 % n2],
                                               name_thirds[index % n3],
                                               segments[partner->segment],
                                               regions[partner->region],
                                               start_text);

      if (!bench_writer_append (writer, line, error))
        return FALSE;
    }

  return bench_writer_flush (writer, error);
}

/* Writes @path ("-" is standard output) with @write.  The data goes to
 * PATH.part, which is renamed on success and removed on failure, so a
 * failed run leaves no partial file behind. */
static gboolean
write_file (BenchGenerator  *gen,
            const char      *path,
            gboolean       (*write) (BenchGenerator *, BenchWriter *, GError **),
            GError         **error)
{
  gboolean to_stdout = g_strcmp0 (path, "-") == 0;
  g_autofree char *tmp_path = to_stdout ? NULL : g_strconcat (path, ".part", NULL);
  g_autofree char *buffer = g_malloc (OUTPUT_BUFFER_SIZE);
  BenchWriter writer = { NULL, path, buffer, 0 };
  gboolean ok;

  writer.file = to_stdout ? stdout : fopen (tmp_path, "wb");
  if (writer.file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: cannot create: %s", tmp_path, g_strerror (saved_errno));
      return FALSE;
    }

  ok = write (gen, &writer, error);
  if (ok && fflush (writer.file) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: write failed: %s", path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (to_stdout)
    return ok;

  if (fclose (writer.file) != 0 && ok)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: write failed: %s", path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (ok && g_rename (tmp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: cannot rename to %s: %s", tmp_path, path, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (tmp_path);

  return ok;
}

static void
generator_init (BenchGenerator *gen,
                guint64         seed,
                guint64         n_rows)
{
  bench_rng_init (&gen->rng, seed);
  gen->n_rows = n_rows;
  gen->n_days = calendar_fill (gen->days);
  catalog_fill (&gen->rng, gen->products);
  partners_fill (&gen->rng, gen->partners, gen->cumulative);
  for (guint c = 0; c < N_CATEGORIES; c++)
    gen->category_weights[c] = categories[c].weight;
  gen->next_deal = 1;
}

int
main (int   argc,
      char *argv[])
{
  gint64 n_rows = 0;
  gint64 seed = 20240917;
  g_autofree char *sales_path = NULL;
  g_autofree char *partners_path = NULL;
  g_autofree BenchGenerator *gen = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "rows", 'n', 0, G_OPTION_ARG_INT64, &n_rows, "Number of sales lines to write (1 to 100000000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed of the random stream (default 20240917)", "SEED" },
    { "sales", 'o', 0, G_OPTION_ARG_FILENAME, &sales_path, "Sales CSV to write, - for standard output", "FILE" },
    { "partners", 'p', 0, G_OPTION_ARG_FILENAME, &partners_path, "Partners CSV to write", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };

  context = g_option_context_new ("- write deterministic benchmark sales");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("palier-bench-gen: %s\n", error->message);
      return 2;
    }

  if (sales_path == NULL && partners_path == NULL)
    {
      g_printerr ("palier-bench-gen: nothing to write; give --sales FILE, --partners FILE or both\n");
      return 2;
    }

  if (sales_path != NULL && (n_rows < 1 || n_rows > 100000000))
    {
      g_printerr ("palier-bench-gen: invalid --rows %" G_GINT64_FORMAT "; give a count from 1 to 100000000\n",
                  n_rows);
      return 2;
    }

  gen = g_new0 (BenchGenerator, 1);
  generator_init (gen, (guint64) seed, sales_path != NULL ? (guint64) n_rows : REFERENCE_ROWS);

  if (partners_path != NULL && !write_file (gen, partners_path, write_partners, &error))
    {
      g_printerr ("palier-bench-gen: %s\n", error->message);
      return 1;
    }

  if (sales_path != NULL && !write_file (gen, sales_path, write_sales, &error))
    {
      g_printerr ("palier-bench-gen: %s\n", error->message);
      return 1;
    }

  return 0;
}
