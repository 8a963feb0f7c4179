/* test-store.c: the workspace file */

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "palier.h"
#include "palier-test.h"
#include "../src/core/palier-store-private.h"

typedef struct {
  const char *date;
  const char *partner;
  const char *amount;
  const char *margin;
  const char *quantity;
  const char *product;
  const char *category;
  const char *region;
  const char *segment;
} TestSale;

static const TestSale small_sales[] = {
  { "2017-01-10", "P1", "100.50", "10.25", "2", "Chair", "Furniture", "East", "Gold" },
  { "2017-01-20", "P1", "200", NULL, NULL, "Phone", "Technology", "East", "Gold" },
  { "2017-02-05", "P2", "-30.125", "-3", "1", "Chair", "Furniture", "West", "Silver" },
  { "2017-03-31", "P2", "1000", "100", "10", "Laptop", "Technology", "West", NULL },
  { "2017-04-01", "00042", "50", "5", "1", NULL, NULL, NULL, NULL },
};

static PalierDecimal
decimal (const char *text)
{
  g_autoptr(GError) error = NULL;
  PalierDecimal value = 0;

  g_assert_true (palier_decimal_parse (text, -1, &value, &error));
  g_assert_no_error (error);
  return value;
}

static PalierDate
date (const char *text)
{
  PalierDate value = PALIER_DATE_NONE;

  g_assert_true (palier_date_parse_iso (text, &value));
  return value;
}

static void
fill_row (const TestSale *sale,
          guint64         line,
          PalierSaleRow  *row)
{
  memset (row, 0, sizeof *row);
  row->line = line;
  row->date = date (sale->date);
  row->partner = sale->partner;
  row->amount = decimal (sale->amount);
  row->has_margin = sale->margin != NULL;
  row->margin = sale->margin != NULL ? decimal (sale->margin) : 0;
  row->has_quantity = sale->quantity != NULL;
  row->quantity = sale->quantity != NULL ? decimal (sale->quantity) : 0;
  row->product = sale->product;
  row->category = sale->category;
  row->region = sale->region;
  row->segment = sale->segment;
}

static void
import_sales (PalierStore    *store,
              const TestSale *sales,
              guint           n_sales)
{
  g_autoptr(GError) error = NULL;
  PalierStoreImport *import;
  guint64 n_rows = 0;

  import = palier_store_import_begin (store, "sales.csv", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (import);

  for (guint i = 0; i < n_sales; i++)
    {
      PalierSaleRow row;

      fill_row (&sales[i], i + 2, &row);
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_rows, ==, n_sales);
}

static char *
workspace_path (const char *name)
{
  g_autofree char *dir = palier_test_tmp_dir ();

  return g_build_filename (dir, name, NULL);
}

static PalierStore *
create_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PalierStore *store = palier_store_open (path, PALIER_STORE_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static gint64
query_int (PalierStore *store,
           const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (palier_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (PalierStore *store,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (palier_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Runs @sql on @path with a plain sqlite connection. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
test_open_create (void)
{
  g_autofree char *path = workspace_path ("new.palier");
  g_autoptr(PalierStore) store = create_store (path);
  g_autofree char *journal = query_text (store, "PRAGMA journal_mode");

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (palier_store_get_path (store), ==, path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PALIER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, 0x50414c52);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA page_size"), ==, 8192);
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'transactions'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'program_versions'"), ==, 1);
}

static void
test_open_reopen (void)
{
  g_autofree char *path = workspace_path ("reopen.palier");
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary;
  PalierStore *store = create_store (path);

  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));
  palier_store_close (store);

  store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_transactions, ==, 5);
  g_assert_cmpuint (summary.n_partners, ==, 3);
  g_assert_cmpuint (summary.n_imports, ==, 1);
  g_assert_cmpint (summary.first_date, ==, 20170110);
  g_assert_cmpint (summary.last_date, ==, 20170401);
  g_assert_cmpint (summary.total_amount, ==, decimal ("1320.375"));
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PALIER_STORE_SCHEMA_VERSION);
  palier_store_close (store);
}

/* A bulk import runs with a rollback journal and puts WAL back. */
static void
test_import_journal_mode (void)
{
  g_autofree char *path = workspace_path ("journal.palier");
  g_autoptr(PalierStore) store = create_store (path);
  g_autofree char *journal = NULL;

  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));

  journal = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (store, "PRAGMA synchronous"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'transactions_by_date'"), ==, 1);
}

static void
test_open_missing (void)
{
  g_autofree char *path = workspace_path ("missing.palier");
  g_autoptr(GError) error = NULL;
  PalierStore *store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);

  g_assert_null (store);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_open_newer_version (void)
{
  g_autofree char *path = workspace_path ("newer.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  PalierStore *store = create_store (path);

  palier_store_close (store);
  raw_exec (path, "PRAGMA user_version = 99");
  before = read_bytes (path);

  store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "99"));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_not_sqlite (void)
{
  g_autofree char *path = workspace_path ("notes.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  const char *text = "date,partner,amount\n2017-01-01,P1,10\n";
  PalierStore *store;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE);
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, strlen (text));
}

static void
test_open_foreign_sqlite (void)
{
  g_autofree char *path = workspace_path ("other.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  PalierStore *store;

  raw_exec (path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);"
                  "INSERT INTO notes (text) VALUES ('keep me')");
  before = read_bytes (path);

  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE);
  g_assert_nonnull (strstr (error->message, path));

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

/* Opens a workspace whose header was changed by @sql, read-write and
 * read-only, and checks that both report a damaged file and leave it as
 * it was. */
static void
check_damaged_header (const char *sql)
{
  static const PalierStoreFlags flags[] = {
    PALIER_STORE_OPEN_EXISTING, PALIER_STORE_READ_ONLY,
  };
  g_autofree char *path = workspace_path ("header.palier");
  g_autoptr(GBytes) before = NULL;
  PalierStore *store = create_store (path);

  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));
  palier_store_close (store);
  raw_exec (path, sql);
  before = read_bytes (path);

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;

      store = palier_store_open (path, flags[i], &error);
      g_assert_null (store);
      g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "header is damaged"));

      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_open_format_zero (void)
{
  check_damaged_header ("PRAGMA user_version = 0");
}

static void
test_open_header_zeroed (void)
{
  check_damaged_header ("PRAGMA user_version = 0; PRAGMA application_id = 0");
}

static void
test_open_empty_file (void)
{
  g_autofree char *path = workspace_path ("empty.palier");
  g_autoptr(GError) error = NULL;
  PalierStore *store;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_no_error (error);

  store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_WORKSPACE);
  g_clear_error (&error);

  /* Creating a workspace in an empty file is allowed. */
  store = palier_store_open (path, PALIER_STORE_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  palier_store_close (store);
}

static void
test_open_locked (void)
{
  g_autofree char *path = workspace_path ("locked.palier");
  g_autoptr(GError) error = NULL;
  PalierStore *store = create_store (path);
  sqlite3 *other = NULL;

  palier_store_close (store);

  /* Another process holds the file in exclusive locking mode. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;", NULL, NULL, NULL), ==, SQLITE_OK);

  store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_null (store);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, path));

  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_open_read_only (void)
{
  g_autofree char *path = workspace_path ("read-only.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) program = NULL;
  PalierStoreSummary summary;
  PalierStore *store = create_store (path);
  PalierStoreImport *import;

  import_sales (store, small_sales, 2);
  palier_store_close (store);

  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_transactions, ==, 2);

  import = palier_store_import_begin (store, "more.csv", NULL, &error);
  g_assert_null (import);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* A write that sqlite rejects names the read-only open as the cause,
   * not the file's permissions. */
  program = palier_program_new ("channel", "Channel");
  g_assert_false (palier_store_save_program (store, program, NULL, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "open read-only"));
  g_assert_null (strstr (error->message, "permissions"));
  palier_store_close (store);
}

/* Writes a sales CSV of @n_rows rows, large enough for an import that
 * takes a while. */
static void
write_sales_csv (const char *path,
                 guint       n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new ("date,partner,amount\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "2018-%02u-%02u,Q%u,%u.%02u\n",
                            i % 12 + 1, i % 28 + 1, i % 5000, i % 997, i % 100);

  g_assert_true (g_file_set_contents (path, text->str, (gssize) text->len, &error));
  g_assert_no_error (error);
}

static goffset
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? buf.st_size : -1;
}

/* Runs "palier-cli import" of @csv into @workspace and kills it with
 * SIGKILL once it has written pages to the workspace, as a crash or a
 * kill -9 would, which leaves a hot rollback journal beside the file. */
static void
kill_import_midway (const char *workspace,
                    const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = palier_test_build_path ("src/cli/palier-cli");
  g_autofree char *journal = g_strconcat (workspace, "-journal", NULL);
  const char *argv[] = { cli, "import", "--workspace", workspace, "--sales", csv, NULL };
  goffset size_before = file_size (workspace);
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  GPid pid = 0;
  int status = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);

  while (!g_file_test (journal, G_FILE_TEST_EXISTS) || file_size (workspace) <= size_before)
    {
      if (waitpid (pid, &status, WNOHANG) == pid)
        g_error ("palier-cli import ended (status %d) before it wrote to %s; make the CSV larger",
                 status, workspace);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (2000);
    }

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);

  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
}

/* A workspace with small_sales, and a bulk import into it killed
 * midway. */
static char *
workspace_with_hot_journal (const char *name)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *csv = g_build_filename (dir, "big.csv", NULL);
  char *path = g_build_filename (dir, name, NULL);
  PalierStore *store = create_store (path);

  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));
  palier_store_close (store);

  write_sales_csv (csv, 400000);
  kill_import_midway (path, csv);
  return path;
}

/* A read-only open of a workspace whose import was killed rolls the
 * import back, since the file and its folder are writable, and then
 * reads the sales from before the import. */
static void
test_open_hot_journal (void)
{
  g_autofree char *path = workspace_with_hot_journal ("killed.palier");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *integrity = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = NULL;
  PalierStoreSummary summary;

  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_transactions, ==, G_N_ELEMENTS (small_sales));
  g_assert_cmpuint (summary.n_imports, ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM transactions"), ==, G_N_ELEMENTS (small_sales));
  g_assert_cmpint (query_int (store, "SELECT sum (lines) FROM month_totals"), ==, G_N_ELEMENTS (small_sales));
  integrity = query_text (store, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_clear_pointer (&store, palier_store_close);

  /* The file is back in WAL mode for the next reader. */
  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_pointer (&integrity, g_free);
  integrity = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (integrity, ==, "wal");
}

/* Without write access, the hot journal stays, and the message names
 * the cause and the way to recover the workspace.  Root may write
 * anything, so the open runs in a child process that drops to the user
 * nobody. */
static void
test_open_hot_journal_read_only (void)
{
  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("PALIER_TEST_WORKSPACE");
      g_autoptr(GError) error = NULL;
      PalierStore *store;

      if (geteuid () == 0)
        g_assert_true (setgid (65534) == 0 && setuid (65534) == 0);

      store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
      g_assert_null (store);
      g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NEEDS_RECOVERY);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, "interrupted import"));
      g_assert_nonnull (strstr (error->message, "write access"));
      return;
    }
  else
    {
      g_autofree char *path = workspace_with_hot_journal ("killed.palier");
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GBytes) before = read_bytes (path);
      g_autoptr(GBytes) after = NULL;

      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_setenv ("PALIER_TEST_WORKSPACE", path, TRUE);

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();

      g_unsetenv ("PALIER_TEST_WORKSPACE");
      g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
      g_assert_cmpint (g_chmod (path, 0644), ==, 0);
      g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
      after = read_bytes (path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

/* Garbage over every page but the first, which contains the schema, makes
 * the next read fail as damaged. */
static void
test_open_corrupt (void)
{
  g_autofree char *path = workspace_path ("corrupt.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree guint8 *damaged = NULL;
  PalierStore *store = create_store (path);
  PalierStoreSummary summary;
  g_autoptr(GPtrArray) partners = NULL;
  gsize size;

  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));
  palier_store_close (store);

  bytes = read_bytes (path);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size, >, 8192);
  damaged = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  for (gsize i = 8192; i < size; i++)
    damaged[i] = (guint8) (i * 7 + 13);
  g_assert_true (g_file_set_contents (path, (const char *) damaged, (gssize) size, &error));
  g_assert_no_error (error);

  store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  if (store != NULL)
    {
      if (palier_store_get_summary (store, &summary, &error))
        partners = palier_store_list_partners (store, &error);
      palier_store_close (store);
    }
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_import_partners (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GPtrArray) partners = NULL;
  const PalierPartner *partner;

  g_assert_no_error (error);
  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));

  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, 3);

  partner = g_ptr_array_index (partners, 0);
  g_assert_cmpint (partner->id, ==, 1);
  g_assert_cmpstr (partner->code, ==, "P1");
  g_assert_cmpstr (partner->name, ==, "P1");
  g_assert_cmpstr (partner->segment, ==, "Gold");
  g_assert_cmpstr (partner->region, ==, "East");
  g_assert_cmpint (partner->start, ==, PALIER_DATE_NONE);

  /* P2's latest row has no segment, so the earlier one stays. */
  partner = g_ptr_array_index (partners, 1);
  g_assert_cmpint (partner->id, ==, 2);
  g_assert_cmpstr (partner->segment, ==, "Silver");
  g_assert_cmpstr (partner->region, ==, "West");

  /* Codes are text: leading zeros stay. */
  partner = g_ptr_array_index (partners, 2);
  g_assert_cmpint (partner->id, ==, 3);
  g_assert_cmpstr (partner->code, ==, "00042");
  g_assert_null (partner->segment);
  g_assert_null (partner->region);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM categories"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM products"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM transactions WHERE margin IS NULL"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT amount FROM transactions WHERE id = 3"), ==, -30125000);
}

static void
test_import_latest_segment (void)
{
  static const TestSale first[] = {
    { "2017-05-01", "P1", "1", NULL, NULL, NULL, NULL, "North", "Silver" },
    { "2017-02-01", "P1", "1", NULL, NULL, NULL, NULL, "South", "Bronze" },
  };
  static const TestSale second[] = {
    { "2017-04-01", "P1", "1", NULL, NULL, NULL, NULL, "East", "Bronze" },
    { "2017-05-01", "P1", "1", NULL, NULL, NULL, NULL, NULL, "Gold" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GPtrArray) partners = NULL;
  const PalierPartner *partner;

  g_assert_no_error (error);
  import_sales (store, first, G_N_ELEMENTS (first));

  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  partner = g_ptr_array_index (partners, 0);
  g_assert_cmpstr (partner->segment, ==, "Silver");
  g_assert_cmpstr (partner->region, ==, "North");
  g_clear_pointer (&partners, g_ptr_array_unref);

  /* An older row of a later import does not win; a row of the same date
   * read later does. */
  import_sales (store, second, G_N_ELEMENTS (second));
  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  partner = g_ptr_array_index (partners, 0);
  g_assert_cmpstr (partner->segment, ==, "Gold");
  g_assert_cmpstr (partner->region, ==, "North");
}

/* An import that fails half-way leaves nothing behind: the index that a
 * bulk import dropped comes back, and an aborted import into a workspace
 * with rows leaves them as they were. */
static void
test_import_atomic (void)
{
  g_autofree char *path = workspace_path ("atomic.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = create_store (path);
  PalierStoreImport *import;
  PalierSaleRow row;

  import = palier_store_import_begin (store, "broken.csv", NULL, &error);
  g_assert_no_error (error);
  fill_row (&small_sales[0], 2, &row);
  g_assert_true (palier_store_import_add_row (&row, import, &error));
  g_assert_no_error (error);
  fill_row (&small_sales[1], 3, &row);
  row.partner = NULL;
  g_assert_false (palier_store_import_add_row (&row, import, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);
  palier_store_import_abort (import);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM transactions"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partners"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM imports"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'transactions_by_date'"), ==, 1);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);

  import_sales (store, small_sales, 3);

  import = palier_store_import_begin (store, "second.csv", NULL, &error);
  g_assert_no_error (error);
  fill_row (&small_sales[3], 2, &row);
  g_assert_true (palier_store_import_add_row (&row, import, &error));
  fill_row (&small_sales[4], 3, &row);
  g_assert_true (palier_store_import_add_row (&row, import, &error));
  g_assert_no_error (error);
  palier_store_import_abort (import);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM transactions"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM partners"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM products"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM imports"), ==, 1);
}

static void
test_import_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PalierStoreImport *import;
  PalierSaleRow row;

  g_assert_no_error (error);
  import = palier_store_import_begin (store, "sales.csv", cancellable, &error);
  g_assert_no_error (error);

  fill_row (&small_sales[0], 2, &row);
  g_assert_true (palier_store_import_add_row (&row, import, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (palier_store_import_commit (import, NULL, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_CANCELLED);

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM transactions"), ==, 0);
}

static gboolean
collect_total (const PalierMonthTotal  *total,
               gpointer                 user_data,
               GError                 **error)
{
  g_array_append_val ((GArray *) user_data, *total);
  return TRUE;
}

static GArray *
month_totals (PalierStore        *store,
              const PalierFilter *filter,
              const char         *from,
              const char         *to)
{
  g_autoptr(GError) error = NULL;
  GArray *totals = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  g_assert_true (palier_store_foreach_month_total (store, filter,
                                                   from != NULL ? date (from) : PALIER_DATE_NONE,
                                                   to != NULL ? date (to) : PALIER_DATE_NONE,
                                                   collect_total, totals, &error));
  g_assert_no_error (error);
  return totals;
}

static const PalierMonthTotal *
total_at (GArray *totals,
          guint   i)
{
  return &g_array_index (totals, PalierMonthTotal, i);
}

static void
test_month_totals_all (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GArray) totals = NULL;

  g_assert_no_error (error);
  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));
  totals = month_totals (store, NULL, NULL, NULL);

  g_assert_cmpuint (totals->len, ==, 4);
  g_assert_cmpint (total_at (totals, 0)->partner_id, ==, 1);
  g_assert_cmpint (total_at (totals, 0)->month, ==, 2017 * 12 + 0);
  g_assert_cmpint (total_at (totals, 0)->revenue, ==, decimal ("300.5"));
  g_assert_cmpint (total_at (totals, 0)->margin, ==, decimal ("10.25"));
  g_assert_cmpint (total_at (totals, 0)->units, ==, decimal ("2"));
  g_assert_cmpint (total_at (totals, 0)->n_lines, ==, 2);
  g_assert_cmpint (total_at (totals, 1)->partner_id, ==, 2);
  g_assert_cmpint (total_at (totals, 1)->month, ==, 2017 * 12 + 1);
  g_assert_cmpint (total_at (totals, 1)->revenue, ==, decimal ("-30.125"));
  g_assert_cmpint (total_at (totals, 2)->month, ==, 2017 * 12 + 2);
  g_assert_cmpint (total_at (totals, 3)->partner_id, ==, 3);
  g_assert_cmpint (total_at (totals, 3)->month, ==, 2017 * 12 + 3);
}

static void
test_month_totals_filter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GArray) totals = NULL;
  PalierFilter filter = { 0 };

  g_assert_no_error (error);
  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));

  /* Category values are alternatives; a quote in a value is data. */
  palier_filter_add_value (&filter, PALIER_FILTER_CATEGORY, "Technology");
  palier_filter_add_value (&filter, PALIER_FILTER_CATEGORY, "x') OR 1=1 --");
  totals = month_totals (store, &filter, NULL, NULL);
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpint (total_at (totals, 0)->revenue, ==, decimal ("200"));
  g_assert_cmpint (total_at (totals, 0)->n_lines, ==, 1);
  g_assert_cmpint (total_at (totals, 1)->revenue, ==, decimal ("1000"));
  g_clear_pointer (&totals, g_array_unref);

  /* Segment matches the partner's segment, not the row's: P2's last row
   * has no segment, but P2 is Silver. */
  palier_filter_add_value (&filter, PALIER_FILTER_SEGMENT, "Silver");
  totals = month_totals (store, &filter, NULL, NULL);
  g_assert_cmpuint (totals->len, ==, 1);
  g_assert_cmpint (total_at (totals, 0)->partner_id, ==, 2);
  g_assert_cmpint (total_at (totals, 0)->revenue, ==, decimal ("1000"));
  g_clear_pointer (&totals, g_array_unref);

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    g_clear_pointer (&filter.values[field], g_ptr_array_unref);

  /* Region, and the filter's dates intersected with the range. */
  palier_filter_add_value (&filter, PALIER_FILTER_REGION, "East");
  palier_filter_add_value (&filter, PALIER_FILTER_REGION, "West");
  filter.start = date ("2017-01-15");
  totals = month_totals (store, &filter, "2017-01-01", "2017-03-30");
  g_assert_cmpuint (totals->len, ==, 2);
  g_assert_cmpint (total_at (totals, 0)->revenue, ==, decimal ("200"));
  g_assert_cmpint (total_at (totals, 1)->revenue, ==, decimal ("-30.125"));
  g_clear_pointer (&totals, g_array_unref);

  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    g_clear_pointer (&filter.values[field], g_ptr_array_unref);
}

/* The simulation's query must walk the covering index in order: no table
 * lookups and no sort of all rows. */
static const char *const random_categories[] = { "Hardware", "Software", NULL };
static const char *const random_regions[] = { "East", "West", "North", NULL };
static const char *const random_segments[] = { "Gold", "Silver", NULL };

/* Imports @n_rows deterministic rows over 2023 and 2024, with empty
 * categories, regions, margins and quantities among them. */
static void
import_random_sales (PalierStore *store,
                     guint32      seed,
                     guint        n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  PalierStoreImport *import = palier_store_import_begin (store, "random.csv", NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *partner = g_strdup_printf ("P%d", g_rand_int_range (rand, 0, 12));
      g_autofree char *product = g_strdup_printf ("SKU-%d", g_rand_int_range (rand, 0, 4));
      PalierSaleRow row = { 0 };

      row.line = i + 2;
      row.date = palier_date_from_ymd (g_rand_int_range (rand, 2023, 2025),
                                       g_rand_int_range (rand, 1, 13),
                                       g_rand_int_range (rand, 1, 32) % 28 + 1);
      row.partner = partner;
      row.amount = (PalierDecimal) g_rand_int_range (rand, -20000, 500000) * 10000;
      row.has_margin = g_rand_int_range (rand, 0, 5) != 0;
      row.margin = row.has_margin ? row.amount / 3 : 0;
      row.has_quantity = g_rand_int_range (rand, 0, 5) != 0;
      row.quantity = row.has_quantity ? g_rand_int_range (rand, 1, 9) * PALIER_DECIMAL_ONE : 0;
      row.product = product;
      row.category = random_categories[g_rand_int_range (rand, 0, 3)];
      row.region = random_regions[g_rand_int_range (rand, 0, 4)];
      row.segment = random_segments[g_rand_int_range (rand, 0, 3)];
      g_assert_true (palier_store_import_add_row (&row, import, &error));
      g_assert_no_error (error);
    }

  g_assert_true (palier_store_import_commit (import, NULL, &error));
  g_assert_no_error (error);
}

static void
random_filter (GRand        *rand,
               PalierFilter *filter)
{
  static const char *const fields_values[PALIER_N_FILTER_FIELDS][2] = {
    [PALIER_FILTER_CATEGORY] = { "Hardware", "Software" },
    [PALIER_FILTER_PRODUCT] = { "SKU-1", "SKU-2" },
    [PALIER_FILTER_REGION] = { "East", "North" },
    [PALIER_FILTER_SEGMENT] = { "Gold", "Silver" },
  };

  memset (filter, 0, sizeof *filter);
  for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      if (g_rand_int_range (rand, 0, 3) != 0)
        continue;
      palier_filter_add_value (filter, field, fields_values[field][g_rand_int_range (rand, 0, 2)]);
      if (g_rand_boolean (rand))
        palier_filter_add_value (filter, field, fields_values[field][1]);
    }
  if (g_rand_boolean (rand))
    filter->start = palier_date_from_ymd (2023, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  if (g_rand_boolean (rand))
    filter->end = palier_date_from_ymd (g_rand_int_range (rand, 2023, 2025), g_rand_int_range (rand, 1, 13),
                                        g_rand_int_range (rand, 1, 29));
}

static GArray *
month_totals_by (PalierStore        *store,
                 gboolean            use_table,
                 const PalierFilter *filter,
                 PalierDate          from,
                 PalierDate          to)
{
  g_autoptr(GError) error = NULL;
  GArray *totals = g_array_new (FALSE, FALSE, sizeof (PalierMonthTotal));

  _palier_store_use_month_totals (store, use_table);
  g_assert_true (palier_store_foreach_month_total (store, filter, from, to,
                                                   collect_total, totals, &error));
  g_assert_no_error (error);
  _palier_store_use_month_totals (store, TRUE);
  return totals;
}

/* The month_totals table gives what the transactions give, for every
 * filter and for ranges that cut inside months or end on their last
 * day. */
static void
assert_month_totals_exact (PalierStore *store,
                           guint32      seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) totals = NULL;
      PalierFilter filter;
      PalierDate from = PALIER_DATE_NONE, to = PALIER_DATE_NONE;

      random_filter (rand, &filter);
      if (g_rand_boolean (rand))
        from = palier_date_from_ymd (2023, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      if (g_rand_boolean (rand))
        {
          int month = g_rand_int_range (rand, 1, 13);

          to = palier_date_from_ymd (2024, month, g_rand_boolean (rand) ? palier_days_in_month (2024, month)
                                                                        : g_rand_int_range (rand, 1, 29));
        }

      expected = month_totals_by (store, FALSE, &filter, from, to);
      totals = month_totals_by (store, TRUE, &filter, from, to);
      g_assert_cmpuint (totals->len, ==, expected->len);
      for (guint t = 0; t < totals->len; t++)
        {
          g_assert_cmpint (total_at (totals, t)->partner_id, ==, total_at (expected, t)->partner_id);
          g_assert_cmpint (total_at (totals, t)->month, ==, total_at (expected, t)->month);
          g_assert_cmpint (total_at (totals, t)->revenue, ==, total_at (expected, t)->revenue);
          g_assert_cmpint (total_at (totals, t)->margin, ==, total_at (expected, t)->margin);
          g_assert_cmpint (total_at (totals, t)->units, ==, total_at (expected, t)->units);
          g_assert_cmpint (total_at (totals, t)->n_lines, ==, total_at (expected, t)->n_lines);
        }

      for (int field = 0; field < PALIER_N_FILTER_FIELDS; field++)
        g_clear_pointer (&filter.values[field], g_ptr_array_unref);
    }
}

static void
test_month_totals_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);

  g_assert_no_error (error);
  import_random_sales (store, 11, 3000);
  /* A second import adds to the month totals the first one wrote. */
  import_random_sales (store, 12, 500);
  g_assert_cmpint (query_int (store, "SELECT sum (lines) FROM month_totals"), ==, 3500);
  assert_month_totals_exact (store, 13);
}

/* An import whose month totals do not fit in memory adds them to the
 * table in several passes, summing partial sums of the same key. */
static void
test_month_totals_flush (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);

  g_assert_no_error (error);
  _palier_store_set_flush_entries (store, 7);
  import_random_sales (store, 31, 2000);
  g_assert_cmpint (query_int (store, "SELECT sum (lines) FROM month_totals"), ==, 2000);
  g_assert_cmpint (query_int (store, "SELECT sum (amount) FROM month_totals"), ==,
                   query_int (store, "SELECT sum (amount) FROM transactions"));
  assert_month_totals_exact (store, 32);
}

/* A workspace of version 1, which has no month_totals table, gets one
 * filled from its transactions when opened. */
static void
test_migrate_month_totals (void)
{
  g_autofree char *path = workspace_path ("version-1.palier");
  g_autoptr(PalierStore) store = create_store (path);

  import_random_sales (store, 21, 2000);
  g_clear_pointer (&store, palier_store_close);
  raw_exec (path,
            "DROP TABLE quotas;"
            "DROP TABLE scenario_runs;"
            "DROP TABLE scenarios;"
            "DROP TABLE month_totals;"
            "DROP INDEX transactions_by_date;"
            "CREATE INDEX transactions_by_partner_month ON transactions"
            " (partner_id, date / 100, date, amount, margin, quantity,"
            "  category_id, product_id, region_id);"
            "ALTER TABLE imports DROP COLUMN size;"
            "ALTER TABLE imports DROP COLUMN fingerprint;"
            "ALTER TABLE partners DROP COLUMN segment_from_file;"
            "ALTER TABLE partners DROP COLUMN region_from_file;"
            "PRAGMA user_version = 1");

  store = create_store (path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PALIER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'transactions_by_partner_month'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_schema WHERE name = 'transactions_by_date'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT sum (lines) FROM month_totals"), ==, 2000);
  g_assert_cmpint (query_int (store, "SELECT sum (amount) FROM month_totals"), ==,
                   query_int (store, "SELECT sum (amount) FROM transactions"));
  assert_month_totals_exact (store, 22);
}

static void
test_month_totals_plan (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GString) plan = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));

  g_assert_cmpint (sqlite3_prepare_v2 (palier_store_get_db (store),
                                       "EXPLAIN QUERY PLAN SELECT partner_id, month, sum (amount),"
                                       " sum (margin), sum (quantity), sum (lines) FROM month_totals"
                                       " WHERE month >= 201701 AND month <= 201712"
                                       " AND category_id IN (SELECT id FROM categories WHERE name IN (?))"
                                       " GROUP BY partner_id, month ORDER BY partner_id, month",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  /* The whole months come in primary key order, without a sort. */
  g_assert_nonnull (strstr (plan->str, "month_totals"));
  g_assert_null (strstr (plan->str, "TEMP B-TREE"));
  g_string_truncate (plan, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (palier_store_get_db (store),
                                       "EXPLAIN QUERY PLAN SELECT partner_id, date / 100, sum (amount),"
                                       " sum (margin), sum (quantity), count (*) FROM transactions"
                                       " WHERE date >= 20170215 AND date <= 20170228"
                                       " GROUP BY partner_id, date / 100 ORDER BY partner_id, date / 100",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
  sqlite3_finalize (stmt);

  /* The days of a cut month are found through the index by date. */
  g_assert_nonnull (strstr (plan->str, "INDEX transactions_by_date"));
}

/* Imports */

static const char january_csv[] =
  "date,partner,amount,category,region\n"
  "2017-01-10,P1,100.50,Furniture,East\n"
  "2017-01-20,P1,200,Technology,East\n"
  "2017-02-05,P2,-30.125,Furniture,West\n";

static const char march_csv[] =
  "date,partner,amount,category,region\n"
  "2017-02-10,P2,40,Furniture,West\n"
  "2017-03-01,P3,75.25,,\n";

static char *
write_file (const char *dir,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  return path;
}

/* Imports the CSV file at @path with the default options. */
static gboolean
import_csv (PalierStore  *store,
            const char   *path,
            gint64        replace_id,
            GError      **error)
{
  g_autoptr(PalierImportPlan) plan = NULL;
  PalierImportOptions options;

  palier_import_options_init (&options);
  plan = palier_import_plan_new (path, &options, error);
  palier_import_options_clear (&options);
  if (plan == NULL)
    return FALSE;

  if (replace_id != 0)
    return palier_store_replace_import (store, replace_id, plan, NULL, NULL, NULL, NULL, error);
  return palier_store_import_sales (store, plan, NULL, NULL, NULL, NULL, error);
}

static void
assert_import_csv (PalierStore *store,
                   const char  *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_csv (store, path, 0, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_imports (PalierStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *imports = palier_store_list_imports (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (imports);
  return imports;
}

static const PalierStoreImportInfo *
import_at (GPtrArray *imports,
           guint      index)
{
  return g_ptr_array_index (imports, index);
}

/* The month_totals table holds exactly the sums of the transactions, key
 * by key, with no key left over. */
static void
assert_month_totals_match_transactions (PalierStore *store)
{
  static const char sums[] =
    "SELECT partner_id, date / 100, coalesce (category_id, 0), coalesce (region_id, 0),"
    " sum (amount), coalesce (sum (margin), 0), coalesce (sum (quantity), 0), count (*)"
    " FROM transactions GROUP BY 1, 2, 3, 4";
  g_autofree char *missing = g_strdup_printf ("SELECT count (*) FROM (%s EXCEPT SELECT * FROM month_totals)", sums);
  g_autofree char *extra = g_strdup_printf ("SELECT count (*) FROM (SELECT * FROM month_totals EXCEPT %s)", sums);

  g_assert_cmpint (query_int (store, missing), ==, 0);
  g_assert_cmpint (query_int (store, extra), ==, 0);
}

/* The hex SHA-256 of @size as decimal text and a newline, then @head and
 * @tail. */
static char *
expected_fingerprint (gsize         size,
                      const guchar *head,
                      gsize         head_len,
                      const guchar *tail,
                      gsize         tail_len)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *size_text = g_strdup_printf ("%" G_GSIZE_FORMAT "\n", size);

  g_checksum_update (checksum, (const guchar *) size_text, -1);
  g_checksum_update (checksum, head, (gssize) head_len);
  g_checksum_update (checksum, tail, (gssize) tail_len);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
test_imports_fingerprint (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "imports.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autofree char *expected = NULL;
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;
  const PalierStoreImportInfo *info;

  assert_import_csv (store, january);
  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 1);

  info = import_at (imports, 0);
  expected = expected_fingerprint (strlen (january_csv), (const guchar *) january_csv,
                                   strlen (january_csv), NULL, 0);
  g_assert_cmpint (info->id, ==, 1);
  g_assert_cmpstr (info->file, ==, january);
  g_assert_cmpint (info->time, >=, before);
  g_assert_cmpint (info->time, <=, g_get_real_time () / G_USEC_PER_SEC);
  g_assert_cmpuint (info->n_rows, ==, 3);
  g_assert_cmpint (info->first_date, ==, 20170110);
  g_assert_cmpint (info->last_date, ==, 20170205);
  g_assert_cmpint (info->amount, ==, decimal ("270.375"));
  g_assert_cmpint (info->size, ==, strlen (january_csv));
  g_assert_cmpstr (info->fingerprint, ==, expected);
}

/* A file larger than 2 MiB is known by its size and its first and last
 * MiB: a change in the middle keeps the fingerprint, a change near the
 * end does not. */
static void
test_imports_fingerprint_large (void)
{
  const gsize mib = 1024 * 1024;
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.palier", NULL);
  g_autofree char *csv = g_build_filename (dir, "large.csv", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *changed = NULL;
  const guchar *data;
  gsize size;
  char *middle;

  write_sales_csv (csv, 120000);
  bytes = read_bytes (csv);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 2 * mib + 4096);

  assert_import_csv (store, csv);
  imports = list_imports (store);
  expected = expected_fingerprint (size, data, mib, data + size - mib, mib);
  g_assert_cmpint (import_at (imports, 0)->size, ==, size);
  g_assert_cmpstr (import_at (imports, 0)->fingerprint, ==, expected);

  /* One digit changed in the middle, to another digit. */
  changed = g_memdup2 (data, size);
  middle = memchr (changed + size / 2, ',', size / 2);
  g_assert_nonnull (middle);
  middle[-1] = middle[-1] == '1' ? '2' : '1';
  g_assert_true (g_file_set_contents (csv, changed, (gssize) size, &error));
  g_assert_no_error (error);
  g_assert_false (import_csv (store, csv, 0, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* One digit changed in the last line. */
  changed[size - 2] = changed[size - 2] == '1' ? '2' : '1';
  g_assert_true (g_file_set_contents (csv, changed, (gssize) size, &error));
  g_assert_no_error (error);
  g_assert_true (import_csv (store, csv, 0, &error));
  g_assert_no_error (error);
}

static void
test_imports_duplicate_rejected (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "twice.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autofree char *copy = write_file (dir, "copy.csv", january_csv);
  g_autofree char *message = NULL;
  g_autofree char *renamed_message = NULL;
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary;

  assert_import_csv (store, january);
  imports = list_imports (store);
  when = g_date_time_new_from_unix_local (import_at (imports, 0)->time);
  day = g_date_time_format (when, "%Y-%m-%d");
  clock = g_date_time_format (when, "%H:%M");

  g_assert_false (import_csv (store, january, 0, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE);
  message = g_strdup_printf ("%s was already imported on %s at %s (3 rows)", january, day, clock);
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);

  /* The same content under another name. */
  g_assert_false (import_csv (store, copy, 0, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE);
  renamed_message = g_strdup_printf ("%s was already imported as january.csv on %s at %s (3 rows)",
                                     copy, day, clock);
  g_assert_cmpstr (error->message, ==, renamed_message);
  g_clear_error (&error);

  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_imports, ==, 1);
  g_assert_cmpuint (summary.n_transactions, ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions"), ==, 3);
}

static void
test_imports_duplicate_allowed (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "twice.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;

  assert_import_csv (store, january);
  palier_store_set_duplicate_policy (store, PALIER_STORE_DUPLICATE_ALLOW);
  assert_import_csv (store, january);

  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpstr (import_at (imports, 1)->fingerprint, ==, import_at (imports, 0)->fingerprint);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions"), ==, 6);
  g_assert_cmpint (query_int (store, "SELECT sum (amount) FROM month_totals"), ==, 2 * decimal ("270.375"));
  assert_month_totals_match_transactions (store);
}

/* Under the replace policy, the earlier imports of the same content go
 * away in the new import's transaction; others stay. */
static void
test_imports_duplicate_replaced (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "replace.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autofree char *march = write_file (dir, "march.csv", march_csv);
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;

  assert_import_csv (store, january);
  assert_import_csv (store, march);
  palier_store_set_duplicate_policy (store, PALIER_STORE_DUPLICATE_REPLACE);
  assert_import_csv (store, january);

  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpint (import_at (imports, 0)->id, ==, 2);
  g_assert_cmpint (import_at (imports, 1)->id, ==, 3);
  g_assert_cmpstr (import_at (imports, 1)->file, ==, january);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions"), ==, 5);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions WHERE import_id = 1"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT sum (amount) FROM month_totals"), ==, decimal ("385.625"));
  assert_month_totals_match_transactions (store);
}

static void
test_imports_remove (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "remove.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autofree char *march = write_file (dir, "march.csv", march_csv);
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary;

  assert_import_csv (store, january);
  assert_import_csv (store, march);

  g_assert_true (palier_store_remove_import (store, 1, &error));
  g_assert_no_error (error);

  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 1);
  g_assert_cmpint (import_at (imports, 0)->id, ==, 2);
  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_transactions, ==, 2);
  g_assert_cmpint (summary.total_amount, ==, decimal ("115.25"));
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM month_totals"), ==, 2);
  g_assert_cmpint (query_int (store, "SELECT amount FROM month_totals WHERE partner_id = 2"), ==, decimal ("40"));
  assert_month_totals_match_transactions (store);

  /* P1 has no transaction left, and stays. */
  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, 3);
  g_assert_cmpstr (((PalierPartner *) g_ptr_array_index (partners, 0))->code, ==, "P1");

  g_assert_false (palier_store_remove_import (store, 1, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no import 1"));
  g_clear_error (&error);

  /* Ids are never given twice, even after the last import is removed. */
  g_assert_true (palier_store_remove_import (store, 2, &error));
  g_assert_no_error (error);
  assert_import_csv (store, march);
  g_clear_pointer (&imports, g_ptr_array_unref);
  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 1);
  g_assert_cmpint (import_at (imports, 0)->id, ==, 3);
  assert_month_totals_match_transactions (store);
}

/* Removing one of two imports of random rows leaves month totals equal
 * to those computed from the remaining transactions, for any filter. */
static void
test_imports_remove_random (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);

  g_assert_no_error (error);
  import_random_sales (store, 41, 1500);
  import_random_sales (store, 42, 1500);
  g_assert_true (palier_store_remove_import (store, 1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (store, "SELECT sum (lines) FROM month_totals"), ==, 1500);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM month_totals WHERE lines = 0"), ==, 0);
  assert_month_totals_match_transactions (store);
  assert_month_totals_exact (store, 43);
}

static void
test_imports_remove_read_only (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "read-only.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autoptr(GError) error = NULL;
  PalierStore *store = create_store (path);

  assert_import_csv (store, january);
  palier_store_close (store);

  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (palier_store_remove_import (store, 1, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_READ_ONLY);
  palier_store_close (store);
}

/* Replacing an import with a corrected file swaps its rows; a file that
 * fails midway leaves the earlier import in place. */
static void
test_imports_replace (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "replace.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autofree char *march = write_file (dir, "march.csv", march_csv);
  g_autofree char *corrected = write_file (dir, "january-corrected.csv",
                                           "date,partner,amount,category,region\n"
                                           "2017-01-10,P1,110.50,Furniture,East\n"
                                           "2017-01-20,P1,200,Technology,East\n");
  g_autofree char *broken = write_file (dir, "january-broken.csv",
                                        "date,partner,amount,category,region\n"
                                        "2017-01-10,P1,1,Furniture,East\n"
                                        "2017-01-11,P1,not a number,Furniture,East\n");
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;

  assert_import_csv (store, january);
  assert_import_csv (store, march);

  g_assert_false (import_csv (store, broken, 1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions WHERE import_id = 1"), ==, 3);
  assert_month_totals_match_transactions (store);

  g_assert_false (import_csv (store, corrected, 7, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The march file is in the workspace already, as import 2. */
  g_assert_false (import_csv (store, march, 1, &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_assert_true (import_csv (store, corrected, 1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&imports, g_ptr_array_unref);
  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpint (import_at (imports, 0)->id, ==, 2);
  g_assert_cmpint (import_at (imports, 1)->id, ==, 3);
  g_assert_cmpuint (import_at (imports, 1)->n_rows, ==, 2);
  g_assert_cmpint (query_int (store, "SELECT sum (amount) FROM transactions"), ==, decimal ("425.75"));
  assert_month_totals_match_transactions (store);
}

/* Loads the format 2 workspace of tests/data/store into @path. */
static void
load_version_2 (const char *path)
{
  g_autofree char *sql_path = palier_test_data_path ("store/version-2.sql");
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (sql_path, &sql, NULL, &error));
  g_assert_no_error (error);
  raw_exec (path, sql);
}

/* Format 2 files gain the size and fingerprint columns, empty for their
 * imports, which can still be removed. */
static void
test_imports_migrate_version_2 (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "version-2.palier", NULL);
  g_autofree char *january = write_file (dir, "january.csv", january_csv);
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;

  load_version_2 (path);
  store = create_store (path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PALIER_STORE_SCHEMA_VERSION);

  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpstr (import_at (imports, 0)->file, ==, "january.csv");
  g_assert_cmpuint (import_at (imports, 0)->n_rows, ==, 3);
  g_assert_cmpint (import_at (imports, 0)->size, ==, -1);
  g_assert_null (import_at (imports, 0)->fingerprint);
  g_assert_cmpuint (import_at (imports, 1)->n_rows, ==, 2);

  /* Imports of format 2 have no fingerprint to compare with. */
  assert_import_csv (store, january);
  g_assert_true (palier_store_remove_import (store, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM transactions"), ==, 5);
  assert_month_totals_match_transactions (store);
}

/* A read-only open reads a format 2 file as it is. */
static void
test_imports_read_only_version_2 (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "version-2.palier", NULL);
  g_autoptr(PalierStore) store = NULL;
  g_autoptr(GPtrArray) imports = NULL;
  g_autoptr(GError) error = NULL;
  PalierStoreSummary summary;

  load_version_2 (path);
  store = palier_store_open (path, PALIER_STORE_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, 2);
  imports = list_imports (store);
  g_assert_cmpuint (imports->len, ==, 2);
  g_assert_cmpint (import_at (imports, 1)->size, ==, -1);
  g_assert_null (import_at (imports, 1)->fingerprint);
  g_assert_true (palier_store_get_summary (store, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.n_transactions, ==, 5);
}

static PalierProgram *
small_program (const char *id,
               const char *name,
               const char *rate)
{
  PalierProgram *program = palier_program_new (id, name);
  PalierComponent *component = palier_component_new (PALIER_COMPONENT_COMMISSION, "base", "Base");

  g_free (program->currency);
  program->currency = g_strdup ("USD");
  palier_component_add_tier (component, 0, decimal (rate));
  g_ptr_array_add (program->components, component);
  return program;
}

static void
test_programs_save_load (void)
{
  g_autofree char *path = workspace_path ("programs.palier");
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierProgram) first = small_program ("channel", "Zebra channel", "0.05");
  g_autoptr(PalierProgram) changed = small_program ("channel", "Zebra channel", "0.06");
  g_autoptr(PalierProgram) other = small_program ("direct", "Alpha direct", "0.02");
  g_autoptr(PalierProgram) loaded = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  PalierStore *store = create_store (path);

  g_assert_true (palier_store_save_program (store, first, "Create the program", &error));
  g_assert_no_error (error);
  g_assert_true (palier_store_save_program (store, other, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (palier_store_save_program (store, changed, "Raise the rate to 6 %", &error));
  g_assert_no_error (error);
  palier_store_close (store);

  store = palier_store_open (path, PALIER_STORE_OPEN_EXISTING, &error);
  g_assert_no_error (error);

  ids = palier_store_list_programs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "direct");
  g_assert_cmpstr (g_ptr_array_index (ids, 1), ==, "channel");

  loaded = palier_store_load_program (store, "channel", &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (loaded, changed));
  palier_store_close (store);
}

static void
test_programs_versions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(PalierProgram) first = small_program ("channel", "Channel", "0.05");
  g_autoptr(PalierProgram) changed = small_program ("channel", "Channel", "0.06");
  g_autoptr(PalierProgram) old = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  const PalierProgramVersion *version;

  g_assert_no_error (error);
  g_assert_true (palier_store_save_program (store, first, "Create the program", &error));
  g_assert_true (palier_store_save_program (store, changed, "Raise the rate to 6 %", &error));
  g_assert_no_error (error);

  versions = palier_store_list_program_versions (store, "channel", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  version = g_ptr_array_index (versions, 0);
  g_assert_cmpstr (version->summary, ==, "Create the program");
  g_assert_cmpint (version->time, >, 1700000000);
  version = g_ptr_array_index (versions, 1);
  g_assert_cmpstr (version->summary, ==, "Raise the rate to 6 %");

  old = palier_store_load_program_version (store, ((PalierProgramVersion *) g_ptr_array_index (versions, 0))->id, &error);
  g_assert_no_error (error);
  g_assert_true (palier_program_equal (old, first));
  g_assert_false (palier_program_equal (old, changed));
}

static void
test_programs_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(PalierProgram) program = small_program ("channel", "Channel", "0.05");
  g_autoptr(PalierProgram) loaded = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) versions = NULL;

  g_assert_no_error (error);
  g_assert_true (palier_store_save_program (store, program, "Create", &error));
  g_assert_no_error (error);

  g_assert_true (palier_store_delete_program (store, "channel", &error));
  g_assert_no_error (error);

  ids = palier_store_list_programs (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 0);

  versions = palier_store_list_program_versions (store, "channel", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 0);

  loaded = palier_store_load_program (store, "channel", &error);
  g_assert_null (loaded);
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "channel"));
  g_clear_error (&error);

  g_assert_false (palier_store_delete_program (store, "channel", &error));
  g_assert_error (error, PALIER_STORE_ERROR, PALIER_STORE_ERROR_NOT_FOUND);
}

/* Partners file */

/* Reads a partners CSV written to a temporary directory. */
static GPtrArray *
read_partners_csv (const char                  *text,
                   const PalierPartnersOptions *options)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = write_file (dir, "partners.csv", text);
  g_autoptr(GError) error = NULL;
  GPtrArray *partners = palier_partners_read (path, options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (partners);
  return partners;
}

static void
import_partners_csv (PalierStore *store,
                     const char  *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  PalierPartnersOptions options;

  palier_partners_options_init (&options);
  partners = read_partners_csv (text, &options);
  g_assert_true (palier_store_import_partners (store, partners, &error));
  g_assert_no_error (error);
}

static const PalierPartner *
partner_at (GPtrArray *partners,
            guint      index)
{
  g_assert_cmpuint (index, <, partners->len);
  return g_ptr_array_index (partners, index);
}

/* Headers are guessed (AdventureWorks' ResellerKey and BusinessType),
 * start dates read as day first once a day above 12 decides it, and a
 * partner listed twice with the same values keeps one row. */
static void
test_partners_read (void)
{
  g_autoptr(GPtrArray) partners = NULL;
  PalierPartnersOptions options;

  palier_partners_options_init (&options);
  partners = read_partners_csv ("ResellerKey;ResellerName;BusinessType;Territory;Start Date\n"
                                "P1;Alpha;Warehouse;East;15/02/2017\n"
                                "P2;Beta;;;01/03/2017\n"
                                "P1;Alpha;Warehouse;East;15/02/2017\n",
                                &options);

  g_assert_cmpuint (partners->len, ==, 2);
  g_assert_cmpstr (partner_at (partners, 0)->code, ==, "P1");
  g_assert_cmpstr (partner_at (partners, 0)->name, ==, "Alpha");
  g_assert_cmpstr (partner_at (partners, 0)->segment, ==, "Warehouse");
  g_assert_cmpstr (partner_at (partners, 0)->region, ==, "East");
  g_assert_cmpint (partner_at (partners, 0)->start, ==, date ("2017-02-15"));
  g_assert_cmpstr (partner_at (partners, 1)->code, ==, "P2");
  g_assert_null (partner_at (partners, 1)->segment);
  g_assert_null (partner_at (partners, 1)->region);
  g_assert_cmpint (partner_at (partners, 1)->start, ==, date ("2017-03-01"));
}

/* A requested column that does not exist names the file and lists the
 * columns, and an empty partner id names the line. */
static void
test_partners_read_errors (void)
{
  g_autofree char *dir = palier_test_tmp_dir ();
  g_autofree char *path = write_file (dir, "partners.csv", "Partner,Segment\nP1,Gold\n,Silver\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) partners = NULL;
  PalierPartnersOptions options;

  palier_partners_options_init (&options);
  options.columns[PALIER_PARTNERS_FIELD_SEGMENT] = g_strdup ("Tier");
  partners = palier_partners_read (path, &options, &error);
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_MAPPING);
  g_assert_null (partners);
  g_assert_cmpstr (error->message, ==,
                   "partners.csv: no column “Tier” for the field “segment”; the columns are “Partner”, “Segment”");
  palier_partners_options_clear (&options);
  g_clear_error (&error);

  palier_partners_options_init (&options);
  partners = palier_partners_read (path, &options, &error);
  g_assert_error (error, PALIER_IMPORT_ERROR, PALIER_IMPORT_ERROR_VALUE);
  g_assert_null (partners);
  g_assert_cmpstr (error->message, ==,
                   "partners.csv:3: column “Partner”: empty partner id; every row needs one");
}

/* The partners file's segment wins over the sales rows', before and
 * after it; a region it leaves empty still follows the sales rows, and
 * a partner without sales is created. */
static void
test_partners_file_wins (void)
{
  static const TestSale before[] = {
    { "2017-01-10", "P1", "100", NULL, NULL, NULL, NULL, "East", "Silver" },
  };
  static const TestSale after[] = {
    { "2018-01-10", "P1", "100", NULL, NULL, NULL, NULL, "West", "Bronze" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PalierStore) store = palier_store_new_memory (&error);
  g_autoptr(GPtrArray) partners = NULL;

  g_assert_no_error (error);
  import_sales (store, before, G_N_ELEMENTS (before));
  import_partners_csv (store,
                       "Partner,Name,Segment,Region,Start\n"
                       "P1,Alpha,Gold,,2017-02-15\n"
                       "P3,Gamma,Platinum,North,\n");
  import_sales (store, after, G_N_ELEMENTS (after));

  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (partners->len, ==, 2);
  g_assert_cmpstr (partner_at (partners, 0)->name, ==, "Alpha");
  g_assert_cmpstr (partner_at (partners, 0)->segment, ==, "Gold");
  g_assert_cmpstr (partner_at (partners, 0)->region, ==, "West");
  g_assert_cmpint (partner_at (partners, 0)->start, ==, date ("2017-02-15"));
  g_assert_cmpint (partner_at (partners, 1)->id, ==, 2);
  g_assert_cmpstr (partner_at (partners, 1)->code, ==, "P3");
  g_assert_cmpstr (partner_at (partners, 1)->segment, ==, "Platinum");
  g_assert_cmpstr (partner_at (partners, 1)->region, ==, "North");
}

/* A format 3 workspace gains the columns that record a partners file's
 * attributes, with its existing attributes marked as from sales rows. */
static void
test_partners_migrate_version_3 (void)
{
  g_autofree char *path = workspace_path ("version-3.palier");
  g_autoptr(PalierStore) store = create_store (path);
  g_autoptr(GPtrArray) partners = NULL;
  g_autoptr(GError) error = NULL;
  static const TestSale later[] = {
    { "2018-01-10", "P1", "1", NULL, NULL, NULL, NULL, "North", "Bronze" },
  };

  import_sales (store, small_sales, G_N_ELEMENTS (small_sales));
  g_clear_pointer (&store, palier_store_close);
  raw_exec (path,
            "DROP TABLE quotas;"
            "DROP TABLE scenario_runs;"
            "DROP TABLE scenarios;"
            "ALTER TABLE partners DROP COLUMN segment_from_file;"
            "ALTER TABLE partners DROP COLUMN region_from_file;"
            "PRAGMA user_version = 3");

  store = create_store (path);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, PALIER_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM partners WHERE segment_from_file = 0"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM partners WHERE region_from_file = 0"), ==, 3);

  /* Segments read from sales rows before the migration still follow
   * later sales rows. */
  import_sales (store, later, G_N_ELEMENTS (later));
  partners = palier_store_list_partners (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (partner_at (partners, 0)->segment, ==, "Bronze");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  palier_core_init ();

  g_test_add_func ("/store/open/create", test_open_create);
  g_test_add_func ("/store/open/reopen", test_open_reopen);
  g_test_add_func ("/store/open/missing", test_open_missing);
  g_test_add_func ("/store/open/newer-version", test_open_newer_version);
  g_test_add_func ("/store/open/not-sqlite", test_open_not_sqlite);
  g_test_add_func ("/store/open/foreign-sqlite", test_open_foreign_sqlite);
  g_test_add_func ("/store/open/format-zero", test_open_format_zero);
  g_test_add_func ("/store/open/header-zeroed", test_open_header_zeroed);
  g_test_add_func ("/store/open/empty-file", test_open_empty_file);
  g_test_add_func ("/store/open/locked", test_open_locked);
  g_test_add_func ("/store/open/read-only", test_open_read_only);
  g_test_add_func ("/store/open/corrupt", test_open_corrupt);
  g_test_add_func ("/store/open/hot-journal", test_open_hot_journal);
  g_test_add_func ("/store/open/hot-journal-read-only", test_open_hot_journal_read_only);
  g_test_add_func ("/store/import/partners", test_import_partners);
  g_test_add_func ("/store/import/latest-segment", test_import_latest_segment);
  g_test_add_func ("/store/import/journal-mode", test_import_journal_mode);
  g_test_add_func ("/store/import/atomic", test_import_atomic);
  g_test_add_func ("/store/import/cancel", test_import_cancel);
  g_test_add_func ("/store/month-totals/all", test_month_totals_all);
  g_test_add_func ("/store/month-totals/filter", test_month_totals_filter);
  g_test_add_func ("/store/month-totals/plan", test_month_totals_plan);
  g_test_add_func ("/store/month-totals/table", test_month_totals_table);
  g_test_add_func ("/store/month-totals/flush", test_month_totals_flush);
  g_test_add_func ("/store/month-totals/migrate", test_migrate_month_totals);
  g_test_add_func ("/store/imports/fingerprint", test_imports_fingerprint);
  g_test_add_func ("/store/imports/fingerprint-large", test_imports_fingerprint_large);
  g_test_add_func ("/store/imports/duplicate-rejected", test_imports_duplicate_rejected);
  g_test_add_func ("/store/imports/duplicate-allowed", test_imports_duplicate_allowed);
  g_test_add_func ("/store/imports/duplicate-replaced", test_imports_duplicate_replaced);
  g_test_add_func ("/store/imports/remove", test_imports_remove);
  g_test_add_func ("/store/imports/remove-random", test_imports_remove_random);
  g_test_add_func ("/store/imports/remove-read-only", test_imports_remove_read_only);
  g_test_add_func ("/store/imports/replace", test_imports_replace);
  g_test_add_func ("/store/imports/migrate-version-2", test_imports_migrate_version_2);
  g_test_add_func ("/store/imports/read-only-version-2", test_imports_read_only_version_2);
  g_test_add_func ("/store/partners/read", test_partners_read);
  g_test_add_func ("/store/partners/read-errors", test_partners_read_errors);
  g_test_add_func ("/store/partners/file-wins", test_partners_file_wins);
  g_test_add_func ("/store/partners/migrate-version-3", test_partners_migrate_version_3);
  g_test_add_func ("/store/programs/save-load", test_programs_save_load);
  g_test_add_func ("/store/programs/versions", test_programs_versions);
  g_test_add_func ("/store/programs/delete", test_programs_delete);

  return g_test_run ();
}
